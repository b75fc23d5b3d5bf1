using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Grader.Bench.Tests;

/// <summary>
/// Which student submits which problem in a run over every example: each student every problem, so that a (student,
/// problem) pair, whose summary rows two concurrent grade transactions would both lock, comes again only after
/// students × problems submissions, not whenever the number of problems divides the number of students.
/// </summary>
public sealed class StudentProblemPairsTests
{
    [Theory]
    [InlineData(500)] // the default: 4 example problems divide 500 students
    [InlineData(7)]
    public async Task Every_student_submits_every_problem_before_a_pair_comes_again(int students)
    {
        var (posted, problems) = await CaptureAsync(students);

        var pairs = posted.Take(students * problems).Select(Pair).ToList();
        Assert.Equal(students * problems, pairs.Distinct().Count());
        Assert.All(pairs.GroupBy(p => p.Student), s => Assert.Equal(problems, s.Select(p => p.Problem).Distinct().Count()));
        // The next round starts over: the same pairs in the same order.
        Assert.Equal(pairs.Take(students), posted.Skip(students * problems).Select(Pair));
    }

    [Fact]
    public async Task A_round_of_the_students_mixes_the_problems()
    {
        // Any window of the queue holds every problem (their grading costs differ), as when the problem went round-robin.
        var (posted, problems) = await CaptureAsync(500);

        foreach (var round in posted.Select(Pair).Chunk(500))
        {
            Assert.All(round.Chunk(problems), window => Assert.Equal(problems, window.Select(p => p.Problem).Distinct().Count()));
        }
    }

    private static (string Student, string Problem) Pair(JsonElement body) =>
        (body.GetProperty("studentId").GetString()!, body.GetProperty("problemId").GetString()!);

    /// <returns>The bodies of one run's first students × problems + students submissions, in order, and the number of problems.</returns>
    private static async Task<(List<JsonElement> Posted, int Problems)> CaptureAsync(int students)
    {
        var options = BenchOptions.Parse([
            "--students", students.ToString(CultureInfo.InvariantCulture), "--examples", Path.Combine(PostedSubmissions.Root(), "examples"),
        ]);
        var submissions = new Submissions(options, run: "bench-test-run");
        Assert.True(submissions.Problems > 1, "the repository's examples hold several problems");
        var capture = new Capture();
        using var http = new HttpClient(capture) { BaseAddress = new Uri("http://bench.test") };
        for (var i = 0; i < students * submissions.Problems + students; i++)
        {
            Assert.True(await submissions.PostAsync(http, i), i.ToString(CultureInfo.InvariantCulture));
        }
        return (capture.Bodies, submissions.Problems);
    }

    private sealed class Capture : HttpMessageHandler
    {
        public List<JsonElement> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.Clone());
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }
    }
}
