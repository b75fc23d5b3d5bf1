using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Grader.Contracts.Webhooks;
using Npgsql;

/// <summary>Signed submissions of the example answers (round-robin) for one run, and what PostgreSQL says of them.</summary>
internal sealed class Submissions(BenchOptions options, string runPrefix = "bench")
{
    // --problem P posts only P (a randomized id, P-randomized, uses the answers of its fixed original).
    private readonly (string Problem, JsonNode Answers)[] _examples = options.Problem is { } only
        ? [(Problem: only, Answers: JsonNode.Parse(File.ReadAllText(Path.Combine(options.Examples,
            (only.EndsWith("-randomized", StringComparison.Ordinal) ? only[..^"-randomized".Length] : only) + ".json")))!)]
        : Directory.GetFiles(options.Examples, "*.json")
            .Where(path => !path.Contains(".mistakes.", StringComparison.Ordinal))
            .Select(path => (Problem: Path.GetFileNameWithoutExtension(path), Answers: JsonNode.Parse(File.ReadAllText(path))!))
            .ToArray();

    public string Run { get; } = string.Create(CultureInfo.InvariantCulture, $"{runPrefix}-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");

    public int Problems => _examples.Length;

    /// <returns>Whether the API answered 202.</returns>
    public async Task<bool> PostAsync(HttpClient http, int i) => await SendAsync(http, i) == (int)HttpStatusCode.Accepted;

    /// <summary>Posts submission <paramref name="i"/>, signed now; its body is the same on every call (an LMS's re-post).</summary>
    /// <returns>The status code, or 0 when no answer came (refused, reset or timed out).</returns>
    public async Task<int> SendAsync(HttpClient http, int i)
    {
        var example = _examples[i % _examples.Length];
        var body = new JsonObject
        {
            ["externalId"] = $"{Run}-{i}",
            ["course"] = "bench",
            ["assignment"] = Run,
            ["problemId"] = example.Problem,
            ["studentId"] = $"student-{i % options.Students}",
            ["answers"] = example.Answers.DeepClone(),
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/submissions") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(WebhookHeaders.Source, options.Source);
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(options.Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), bytes));
        try
        {
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>Waits (up to 10 minutes) until <paramref name="expected"/> of the run's submissions are graded or failed.</summary>
    /// <returns>How many finished, and the span from the first receipt to the last grade in seconds.</returns>
    public async Task<(long Finished, double Seconds)> AwaitGradesAsync(long expected)
    {
        await using var db = NpgsqlDataSource.Create(options.ConnectionString);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        long finished;
        do
        {
            await Task.Delay(200);
            await using var count = db.CreateCommand("select count(*) from submissions where assignment = $1 and status in ('graded', 'failed')");
            count.Parameters.AddWithValue(Run);
            finished = (long)(await count.ExecuteScalarAsync())!;
        }
        while (finished < expected && DateTime.UtcNow < deadline);

        await using var span = db.CreateCommand(
            "select extract(epoch from max(graded_at) - min(received_at)) from submissions where assignment = $1 and status = 'graded'");
        span.Parameters.AddWithValue(Run);
        return (finished, Convert.ToDouble(await span.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
    }
}
