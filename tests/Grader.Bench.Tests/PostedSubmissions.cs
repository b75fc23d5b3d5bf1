using System.Net;
using System.Text.Json;

namespace Grader.Bench.Tests;

/// <summary>What the load generator posts, captured instead of sent: the bodies of one run's submissions.</summary>
internal static class PostedSubmissions
{
    public const string Salt = "bench-test-salt";

    public static async Task<List<JsonElement>> CaptureAsync(string problemId, int students, string answers = "right")
    {
        var options = BenchOptions.Parse([
            "--problem", problemId, "--students", students.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--examples", Path.Combine(Root(), "examples"), "--problems", Path.Combine(Root(), "problems"),
            "--salt", Salt, "--answers", answers,
        ]);
        var submissions = new Submissions(options, run: "bench-test-run");
        var capture = new Capture();
        using var http = new HttpClient(capture) { BaseAddress = new Uri("http://bench.test") };
        for (var i = 0; i < students; i++)
        {
            Assert.True(await submissions.PostAsync(http, i));
        }
        return capture.Bodies;
    }

    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Grader.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("run the tests from inside the repository");
    }

    private sealed class Capture : HttpMessageHandler
    {
        public List<JsonElement> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var text = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (Bodies)
            {
                Bodies.Add(JsonDocument.Parse(text).RootElement.Clone());
            }
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }
    }
}
