using System.Text.Json;
using Grader.Grading.Judging;

namespace Grader.Grading.Tests;

/// <summary>Workers grade many submissions at once against one loaded catalog, so grading must not share mutable state.</summary>
public class ConcurrentGradingTests
{
    [Fact]
    public void Grading_the_same_problems_in_parallel_gives_the_same_reports_as_grading_one_at_a_time()
    {
        var submissions = Directory.GetFiles(Path.Combine(Catalog.RepositoryRoot(), "examples"), "*.json")
            .Select(path => (ProblemId: Path.GetFileName(path).Split('.')[0], Answers: JsonDocument.Parse(File.ReadAllText(path))))
            .ToList();
        var sequential = submissions.Select(submission => Render(submission.ProblemId, submission.Answers)).ToList();

        var parallel = new string[submissions.Count * 50];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var submission = submissions[i % submissions.Count];
            parallel[i] = Render(submission.ProblemId, submission.Answers);
        });

        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(sequential[i % submissions.Count], parallel[i]);
        }
    }

    private static string Render(string problemId, JsonDocument answers) =>
        GradeReportJson.ToJson(Catalog.Problem(problemId).Grade(answers.RootElement)).ToJsonString();
}
