using Grader.Api.ManualGrading;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Regrades;
using static Grader.IntegrationTests.ManualGrading.ManualClient;

namespace Grader.IntegrationTests.ManualGrading;

/// <summary>Manual scores across automatic regrades and the student's later submissions.</summary>
public sealed class ManualRegradeTests(ManualGradingFixture fixture) : IClassFixture<ManualGradingFixture>
{
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task Automatic_regrade_keeps_the_staff_score_of_a_manual_part()
    {
        var submission = await SubmitAsync(Stack, "g-regrade", "f1");
        await GradeAsync(fixture.Instructor, submission.Id, "1c", new { points = 1, comment = "Complete." });
        var graded = await Stack.GetSubmissionAsync(submission.Id);

        var job = await RegradeClient.StartAsync(Stack, new { course = "cs189", assignment = "g-regrade", reason = "manual grades survive" });
        var finished = await RegradeClient.WaitForStateAsync(Stack, job.Id, "completed", TimeSpan.FromSeconds(60));

        // The grader reports 1c as ungraded every time; without the carry this regrade would drop a point.
        Assert.Equal((1, 0), (finished.Done, finished.Changed));
        var after = await Stack.GetSubmissionAsync(submission.Id);
        Assert.Equal((graded.Score, graded.MaxScore), (after.Score, after.MaxScore));
        var part = after.Parts!.Single(p => p.PartId == "1c");
        Assert.Equal(("correct", 1.0, "Complete."), (part.Status, part.Score, part.Feedback));
    }

    [Fact]
    public async Task New_submission_by_the_student_needs_its_own_manual_grade()
    {
        var first = await SubmitAsync(Stack, "g-new", "f2");
        await GradeAsync(fixture.Instructor, first.Id, "1a", new { points = 1 });

        var second = await SubmitAsync(Stack, "g-new", "f2");

        Assert.Equal("manual", second.Parts!.Single(p => p.PartId == "1a").Status);
        var waiting = (await GetAsync<ManualAnswersPageView>(fixture.Instructor, $"{Course}/assignments/g-new/manual/cs189-dis4/1a")).Items;
        Assert.Equal([second.Id], waiting.Select(a => a.SubmissionId));
        var count = Count(await CountsAsync(fixture.Instructor, "g-new"), "1a");
        Assert.Equal((1L, 1L), (count.Ungraded, count.Graded));
        var gradebook = await GetJsonAsync(fixture.Instructor, $"{Course}/assignments/g-new/gradebook");
        // The latest submission counts, and its manual part is not graded yet.
        Assert.Equal(second.Score!.Value, gradebook.GetProperty("students")[0].GetProperty("total").GetDouble(), 9);
    }
}
