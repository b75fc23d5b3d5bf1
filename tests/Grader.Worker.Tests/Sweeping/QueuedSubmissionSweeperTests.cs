using Grader.Contracts;
using Grader.Worker.Sweeping;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Sweeping;

/// <summary>
/// After a broker outage the sweeper sends what it claimed as the API sends an intake commit: <see cref="GradeSubmissions"/>
/// of at most <see cref="GradeSubmissions.MaxSubmissionIds"/> ids, not one message per submission.
/// </summary>
public sealed class QueuedSubmissionSweeperTests : HarnessTestBase
{
    private const int Count = GradeSubmissions.MaxSubmissionIds + 44; // two messages: 256, then 44

    [Fact]
    public async Task Submissions_left_queued_are_sent_in_messages_of_at_most_the_limit_and_each_graded_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < Count; i++)
        {
            ids.Add(await GradingHarness.StoreSubmissionAsync(Services));
        }

        // As the API leaves them while the broker is down: stored, never sent, older than Sweeper:QueuedAge.
        await Database.ScalarAsync("update submissions set enqueued_at = now() - interval '1 hour'");
        var sweeper = ActivatorUtilities.CreateInstance<QueuedSubmissionSweeper>(Services, (ISendEndpointProvider)Harness.Bus);

        Assert.Equal(Count, await sweeper.SweepOnceAsync(CancellationToken.None));

        var sent = Harness.Sent.Select<GradeSubmissions>().Select(s => s.Context.Message.SubmissionIds).ToList();
        Assert.Empty(Harness.Sent.Select<GradeSubmission>());
        Assert.Equal([GradeSubmissions.MaxSubmissionIds, Count - GradeSubmissions.MaxSubmissionIds], sent.Select(m => m.Count).OrderDescending());
        Assert.Equal(ids.Order(), sent.SelectMany(m => m).Order());

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((long)(await Database.ScalarAsync("select count(*) from submissions where status = 'graded'"))! < Count)
        {
            Assert.True(DateTime.UtcNow < deadline, "not every swept submission was graded within 120 s");
            await Task.Delay(100);
        }

        Assert.Equal((long)Count, await Database.ScalarAsync("select count(*) from results"));
        Assert.Equal((long)Count, await Database.ScalarAsync("select count(distinct submission_id) from results"));
        Assert.Equal(Count, Convert.ToInt32(await Database.ScalarAsync("select sum(attempts) from submissions")));
    }
}
