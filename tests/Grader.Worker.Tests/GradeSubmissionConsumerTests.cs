using Grader.Contracts;
using MassTransit;
using MassTransit.Testing;

namespace Grader.Worker.Tests;

public sealed class GradeSubmissionConsumerTests : HarnessTestBase
{
    [Fact]
    public async Task Grade_is_committed_and_then_announced()
    {
        var id = await GradingHarness.StoreSubmissionAsync(Services);

        await Harness.Bus.Publish(new GradeSubmission(id));

        Assert.True(await Harness.Published.Any<SubmissionGraded>(m => m.Context.Message.SubmissionId == id));
        var graded = Harness.Published.Select<SubmissionGraded>().Single().Context.Message;
        Assert.Equal(1.0, graded.Score);
        Assert.Equal("graded", await Database.ScalarAsync($"select status from submissions where id = '{id}'"));
        Assert.Equal(1L, await Database.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
    }

    [Fact]
    public async Task Duplicate_delivery_is_graded_once_and_announced_again()
    {
        var id = await GradingHarness.StoreSubmissionAsync(Services);

        await Harness.Bus.Publish(new GradeSubmission(id));
        await Harness.Bus.Publish(new GradeSubmission(id));

        await WaitUntilAsync(() => Harness.Consumed.Select<GradeSubmission>().Count() == 2);
        var faults = Harness.Consumed.Select<GradeSubmission>().Select(c => c.Exception?.ToString()).Where(e => e is not null);
        Assert.Empty(faults);
        await WaitUntilAsync(() => Harness.Published.Select<SubmissionGraded>().Count() == 2);
        Assert.Equal(1L, await Database.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
    }

    [Fact]
    public async Task Grade_that_cannot_be_written_marks_the_submission_failed_with_the_reason()
    {
        var id = await GradingHarness.StoreSubmissionAsync(Services);
        await Database.ScalarAsync("drop table results cascade"); // a fault no retry can fix

        await Harness.Bus.Publish(new GradeSubmission(id));

        Assert.True(await Harness.Published.Any<Fault<GradeSubmission>>());
        await WaitUntilAsync(async () => (string?)await Database.ScalarAsync($"select status from submissions where id = '{id}'") == "failed");
        var reason = (string?)await Database.ScalarAsync($"select failure_reason from submissions where id = '{id}'");
        Assert.Contains("results", reason);
        Assert.False(await Harness.Published.Any<SubmissionGraded>());
    }

    [Theory]
    [InlineData(9, "graded")]
    [InlineData(10, "failed")]
    public async Task Submission_whose_grading_started_as_often_as_allowed_is_failed_instead_of_tried_again(int earlierAttempts, string expected)
    {
        var id = await GradingHarness.StoreSubmissionAsync(Services);
        // As left by workers that died while grading it: each claim counted, none finished.
        await Database.ScalarAsync($"update submissions set attempts = {earlierAttempts} where id = '{id}'");

        await Harness.Bus.Publish(new GradeSubmission(id));

        await WaitUntilAsync(async () => (string?)await Database.ScalarAsync($"select status from submissions where id = '{id}'") == expected);
        if (expected == "failed")
        {
            var reason = (string?)await Database.ScalarAsync($"select failure_reason from submissions where id = '{id}'");
            Assert.StartsWith("Grading started 10 times without finishing", reason, StringComparison.Ordinal);
            Assert.Equal(0L, await Database.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
            Assert.False(await Harness.Published.Any<SubmissionGraded>());
        }
    }

    [Fact]
    public async Task Unknown_submission_is_acknowledged_without_a_grade()
    {
        var id = Guid.NewGuid();

        await Harness.Bus.Publish(new GradeSubmission(id));

        Assert.True(await Harness.Consumed.Any<GradeSubmission>(m => m.Context.Message.SubmissionId == id));
        Assert.False(await Harness.Published.Any<Fault<GradeSubmission>>());
        Assert.False(await Harness.Published.Any<SubmissionGraded>());
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 20 s");
            await Task.Delay(50);
        }
    }
}
