using System.Globalization;

/// <summary>Command-line options with defaults matching ./run.sh.</summary>
internal sealed record BenchOptions(
    string Url, string Source, string Secret, int Count, int Concurrency, string Examples, string ConnectionString,
    double Rate, double Seconds, string? Rabbit)
{
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
            values.GetValueOrDefault("rabbit"));
    }
}
