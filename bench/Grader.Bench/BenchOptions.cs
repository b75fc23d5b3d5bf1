using System.Globalization;

/// <summary>Command-line options with defaults matching ./run.sh.</summary>
internal sealed record BenchOptions(
    string Url, string Source, string Secret, int Count, int Concurrency, string Examples, string ConnectionString,
    double Rate, double Seconds, string? Rabbit, string? Problem, int Students)
{
    /// <summary>The fault run (bench/faults.sh): how long the load lasts at most.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>How long after the load the fault run waits for the last grades before counting the rest as lost.</summary>
    public TimeSpan Settle { get; init; }

    /// <summary>A file the fault script creates when its last fault is over; given, the run is a fault run.</summary>
    public string? FaultsOver { get; init; }

    /// <summary>The service's <c>Variants:Salt</c>, from which a randomized problem's students get their variants.</summary>
    public string Salt { get; init; } = "";

    /// <summary>Where the problem files lie (a randomized problem's students are answered from their variants).</summary>
    public string ProblemsDirectory { get; init; } = "problems";

    /// <summary><c>--answers mistakes</c>: send the known wrong answers (<c>examples/P.mistakes.json</c>), not the right ones.</summary>
    public bool Mistakes { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string key, string fallback) => values.TryGetValue(key, out var value) ? value : fallback;
        return new BenchOptions(
            Get("url", "http://127.0.0.1:5080"),
            Get("source", "local"),
            Get("secret", "local-dev-secret"),
            int.Parse(Get("count", "2000"), CultureInfo.InvariantCulture),
            int.Parse(Get("concurrency", "16"), CultureInfo.InvariantCulture),
            Get("examples", "examples"),
            Get("connection", "Host=127.0.0.1;Port=25432;Database=grader;Username=grader;Password=grader"),
            double.Parse(Get("rate", "0"), CultureInfo.InvariantCulture),
            double.Parse(Get("seconds", "10"), CultureInfo.InvariantCulture),
            values.GetValueOrDefault("rabbit"),
            values.GetValueOrDefault("problem"),
            int.Parse(Get("students", "500"), CultureInfo.InvariantCulture))
        {
            Duration = TimeSpan.FromSeconds(double.Parse(Get("duration", "120"), CultureInfo.InvariantCulture)),
            Settle = TimeSpan.FromSeconds(double.Parse(Get("settle", "300"), CultureInfo.InvariantCulture)),
            FaultsOver = values.GetValueOrDefault("faults-over"),
            Salt = Get("salt", Environment.GetEnvironmentVariable("Variants__Salt") ?? ""),
            ProblemsDirectory = Get("problems", "problems"),
            Mistakes = Get("answers", "right") switch
            {
                "right" => false,
                "mistakes" => true,
                var other => throw new ArgumentException($"--answers is right or mistakes, not '{other}'"),
            },
        };
    }
}
