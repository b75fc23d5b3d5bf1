using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Contracts.Webhooks;
using Npgsql;

// Service throughput: posts signed submissions of the example answers to a running Grader, then reports how many
// were accepted per second (webhook intake) and graded per second (first receipt to last grade, from PostgreSQL).
// --problem P posts only P (a randomized id, P-randomized, uses the answers of its fixed original); --students N spreads
// the submissions over N students (default 500), so --students equal to --count puts every submission on its own variant.
var options = BenchOptions.Parse(args);
if (options.Rate > 0)
{
    // bench/faults.sh: a fixed rate while faults are injected, then counts of what was lost or duplicated.
    return await Grader.Bench.FaultLoad.RunAsync(options, options.Rate, options.Duration, options.Settle);
}

var examples = options.Problem is { } only
    ? [(Problem: only, Answers: JsonNode.Parse(File.ReadAllText(Path.Combine(options.Examples,
        (only.EndsWith("-randomized", StringComparison.Ordinal) ? only[..^"-randomized".Length] : only) + ".json")))!)]
    : Directory.GetFiles(options.Examples, "*.json")
        .Where(path => !path.Contains(".mistakes.", StringComparison.Ordinal))
        .Select(path => (Problem: Path.GetFileNameWithoutExtension(path), Answers: JsonNode.Parse(File.ReadAllText(path))!))
        .ToArray();
var run = string.Create(CultureInfo.InvariantCulture, $"bench-{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
using var http = new HttpClient { BaseAddress = new Uri(options.Url) };

var intake = Stopwatch.StartNew();
var next = -1;
var failures = 0;
await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < options.Count)
    {
        var example = examples[i % examples.Length];
        var body = new JsonObject
        {
            ["externalId"] = $"{run}-{i}",
            ["course"] = "bench",
            ["assignment"] = run,
            ["problemId"] = example.Problem,
            ["studentId"] = $"student-{i % options.Students}",
            ["answers"] = example.Answers.DeepClone(),
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/submissions") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(WebhookHeaders.Source, options.Source);
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(options.Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), bytes));
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            Interlocked.Increment(ref failures);
        }
    }
}));
intake.Stop();

await using var db = NpgsqlDataSource.Create(options.ConnectionString);
var deadline = DateTime.UtcNow.AddMinutes(10);
long graded;
do
{
    await Task.Delay(200);
    await using var count = db.CreateCommand("select count(*) from submissions where assignment = $1 and status in ('graded', 'failed')");
    count.Parameters.AddWithValue(run);
    graded = (long)(await count.ExecuteScalarAsync())!;
}
while (graded < options.Count - failures && DateTime.UtcNow < deadline);

await using var span = db.CreateCommand(
    "select extract(epoch from max(graded_at) - min(received_at)) from submissions where assignment = $1 and status = 'graded'");
span.Parameters.AddWithValue(run);
var gradingSeconds = Convert.ToDouble(await span.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
var accepted = options.Count - failures;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    run {run}: {options.Count} submissions, {options.Concurrency} concurrent posts, {examples.Length} problems round-robin ({string.Join(", ", examples.Select(e => e.Problem))}), {Math.Min(options.Students, options.Count)} students
    accepted: {accepted} in {intake.Elapsed.TotalSeconds:F2} s = {accepted / intake.Elapsed.TotalSeconds:F0} submissions/s ({failures} not 202)
    graded:   {graded} in {gradingSeconds:F2} s (first receipt to last grade) = {graded / gradingSeconds:F0} submissions/s
    """));
return failures == 0 && graded == options.Count ? 0 : 1;

/// <summary>Command-line options with defaults matching ./run.sh.</summary>
internal sealed record BenchOptions(
    string Url, string Source, string Secret, int Count, int Concurrency, string Examples, string ConnectionString, string? Problem, int Students)
{
    /// <summary>Posts per second for the fault run (bench/faults.sh); 0 for the throughput run.</summary>
    public double Rate { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>How long after the load the fault run waits for the last grades before counting the rest as lost.</summary>
    public TimeSpan Settle { get; init; }

    /// <summary>A file the fault script creates when its last fault is over; the settle time starts then.</summary>
    public string? FaultsOver { get; init; }

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
            values.GetValueOrDefault("problem"),
            int.Parse(Get("students", "500"), CultureInfo.InvariantCulture))
        {
            Rate = double.Parse(Get("rate", "0"), CultureInfo.InvariantCulture),
            Duration = TimeSpan.FromSeconds(double.Parse(Get("duration", "120"), CultureInfo.InvariantCulture)),
            Settle = TimeSpan.FromSeconds(double.Parse(Get("settle", "300"), CultureInfo.InvariantCulture)),
            FaultsOver = Get("faults-over", ""),
        };
    }
}
