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
public sealed class QueuedSubmissionSweeperTests : IAsyncLifetime
{
    private const int Count = GradeSubmissions.MaxSubmissionIds + 44; // two messages: 256, then 44
    private readonly WorkerTestDatabase _database = new();
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _services = GradingHarness.Build(_database);
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Submissions_left_queued_are_sent_in_messages_of_at_most_the_limit_and_each_graded_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < Count; i++)
        {
            ids.Add(await GradingHarness.StoreSubmissionAsync(_services));
        }

        // As the API leaves them while the broker is down: stored, never sent, older than Sweeper:QueuedAge.
        await _database.ScalarAsync("update submissions set enqueued_at = now() - interval '1 hour'");
        var sweeper = ActivatorUtilities.CreateInstance<QueuedSubmissionSweeper>(_services, (ISendEndpointProvider)_harness.Bus);

        Assert.Equal(Count, await sweeper.SweepOnceAsync(CancellationToken.None));

        var sent = _harness.Sent.Select<GradeSubmissions>().Select(s => s.Context.Message.SubmissionIds).ToList();
        Assert.Empty(_harness.Sent.Select<GradeSubmission>());
        Assert.Equal([GradeSubmissions.MaxSubmissionIds, Count - GradeSubmissions.MaxSubmissionIds], sent.Select(m => m.Count).OrderDescending());
        Assert.Equal(ids.Order(), sent.SelectMany(m => m).Order());

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((long)(await _database.ScalarAsync("select count(*) from submissions where status = 'graded'"))! < Count)
        {
            Assert.True(DateTime.UtcNow < deadline, "not every swept submission was graded within 120 s");
            await Task.Delay(100);
        }

        Assert.Equal((long)Count, await _database.ScalarAsync("select count(*) from results"));
        Assert.Equal((long)Count, await _database.ScalarAsync("select count(distinct submission_id) from results"));
        Assert.Equal(Count, Convert.ToInt32(await _database.ScalarAsync("select sum(attempts) from submissions")));
    }
}
