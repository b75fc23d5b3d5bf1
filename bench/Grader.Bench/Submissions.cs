using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Grader.Bench;
using Grader.Contracts.Webhooks;

/// <summary>Signed submissions of the example answers (round-robin) for one run, and what PostgreSQL says of them.</summary>
internal sealed class Submissions
{
    public const string Course = "bench";

    private static readonly Uri Endpoint = new("/api/v1/submissions", UriKind.Relative);

    private readonly BenchOptions _options;

    // Without --problem: every example file's answers, round-robin over the submissions.
    private readonly (string Problem, JsonNode Answers)[] _examples;

    // With --problem P: each student's own answers (for a randomized P, right or wrong for their own variant), built
    // before the run so the load generator spends no time on them while the service is measured.
    private readonly JsonObject[]? _byStudent;

    private readonly TimeProvider _clock;

    // Bodies of submissions 0 … n-1, built and signed by Prepare before a timed run (null: each is built when posted).
    private Signed[]? _prepared;

    /// <param name="run">The run's id (its assignment); by default the prefix and the time, so every run is new.</param>
    /// <param name="clock">What signatures are dated by (the system clock unless a test sets another).</param>
    public Submissions(BenchOptions options, string runPrefix = "bench", string? run = null, TimeProvider? clock = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        Run = run ?? string.Create(CultureInfo.InvariantCulture, $"{runPrefix}-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
        if (options.Problem is { } only)
        {
            var answers = new StudentAnswers(only, options.Examples, options.ProblemsDirectory, options.Salt, options.Mistakes);
            _examples = [(only, new JsonObject())];
            _byStudent = Enumerable.Range(0, options.Students).Select(s => answers.For(Course, Run, Student(s))).ToArray();
        }
        else
        {
            _examples = Directory.GetFiles(options.Examples, "*.json")
                .Where(path => !path.Contains(".mistakes.", StringComparison.Ordinal))
                .Select(path => (Problem: Path.GetFileNameWithoutExtension(path), Answers: JsonNode.Parse(File.ReadAllText(path))!))
                .ToArray();
        }
    }

    public string Run { get; }

    public static string Student(int index) => string.Create(CultureInfo.InvariantCulture, $"student-{index}");

    public int Problems => _examples.Length;

    /// <summary>
    /// Builds and signs the bodies of submissions 0 … <paramref name="count"/>-1 now, so that a timed run spends the load
    /// generator's CPU (on a small machine, the service's CPU too) only on sending them. A body signed here is signed
    /// again when posted more than <see cref="Resign"/> later: the API accepts signatures up to 5 minutes old.
    /// </summary>
    public void Prepare(int count) =>
        _prepared = Enumerable.Range(0, count).Select(i => Sign(Body(i))).ToArray();

    /// <summary>How old a prepared signature may be when posted (the API's tolerance is 5 minutes).</summary>
    public static readonly TimeSpan Resign = TimeSpan.FromMinutes(3);

    /// <returns>Whether the API answered 202.</returns>
    public async Task<bool> PostAsync(HttpClient http, int i) => await SendAsync(http, i) == (int)HttpStatusCode.Accepted;

    /// <summary>Posts submission <paramref name="i"/>; its body is the same on every call (an LMS's re-post).</summary>
    /// <returns>The status code, or 0 when no answer came (refused, reset or timed out).</returns>
    public async Task<int> SendAsync(HttpClient http, int i)
    {
        var signed = _prepared is { } prepared && i < prepared.Length ? prepared[i] : Sign(Body(i));
        if (_clock.GetUtcNow().ToUnixTimeSeconds() - signed.UnixSeconds > Resign.TotalSeconds)
        {
            signed = Sign(signed.Body);
        }

        // The headers are known good: added unparsed, as the body is sent as the bytes that were signed.
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(signed.Body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Source, _options.Source);
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, signed.Signature);
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

    /// <summary>
    /// The student and the problem of submission <paramref name="i"/>: students in turn, and each student's problem moves
    /// on by one at each round of the students, so that every student submits every problem once before any
    /// (student, problem) pair comes again (after students × problems submissions).
    /// </summary>
    /// <remarks>
    /// Not the problem <c>i % problems</c>: whenever the number of problems divides the number of students (4 into the
    /// default 500), that gave each student one problem only, 500 pairs instead of 2,000, each submitted again every 500
    /// submissions; two workers draining a full queue then graded one pair's submissions in concurrent batches, which
    /// wait for each other's commit on the pair's summary rows (docs/benchmarks.md, best17). For fewer pairs, fewer
    /// students: <c>--students 125</c> gives that pattern back with 4 problems.
    /// </remarks>
    private (int Student, int Problem) Pair(int i)
    {
        var student = i % _options.Students;
        return (student, (student + i / _options.Students) % _examples.Length);
    }

    private byte[] Body(int i)
    {
        var (student, problem) = Pair(i);
        var example = _examples[problem];
        return Encoding.UTF8.GetBytes(new JsonObject
        {
            ["externalId"] = $"{Run}-{i}",
            ["course"] = Course,
            ["assignment"] = Run,
            ["problemId"] = example.Problem,
            ["studentId"] = Student(student),
            ["answers"] = (_byStudent?[student] ?? example.Answers).DeepClone(),
        }.ToJsonString());
    }

    private Signed Sign(byte[] body)
    {
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        return new Signed(body, now, WebhookSignature.Sign(_options.Secret, now, body));
    }

    private sealed record Signed(byte[] Body, long UnixSeconds, string Signature);
}
