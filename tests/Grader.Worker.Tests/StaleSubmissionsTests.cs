using Grader.Data.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests;

public sealed class StaleSubmissionsTests : IAsyncLifetime
{
    private readonly WorkerTestDatabase _database = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _services = GradingHarness.Build(_database);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Sweeper_claims_only_submissions_left_unfinished_longer_than_their_age()
    {
        var oldQueued = await StoreAsync("queued", TimeSpan.FromMinutes(5));
        var freshQueued = await StoreAsync("queued", TimeSpan.FromSeconds(5));
        var oldGraded = await StoreAsync("graded", TimeSpan.FromHours(1));
        var stuckGrading = await StoreAsync("grading", TimeSpan.FromHours(1));
        var recentGrading = await StoreAsync("grading", TimeSpan.FromMinutes(5));
        var now = DateTimeOffset.UtcNow;
        var (queuedBefore, gradingBefore) = (now - TimeSpan.FromMinutes(1), now - TimeSpan.FromMinutes(15));

        await using var scope = _services.CreateAsyncScope();
        var unfinished = scope.ServiceProvider.GetRequiredService<UnfinishedWork>();
        var claimed = await unfinished.ClaimSubmissionsAsync(now, queuedBefore, gradingBefore, 500, CancellationToken.None);
        var claimedAgain = await unfinished.ClaimSubmissionsAsync(now, queuedBefore, gradingBefore, 500, CancellationToken.None);

        Assert.Equal(new[] { oldQueued, stuckGrading }.Order(), claimed.Order());
        Assert.Empty(claimedAgain); // claiming moves enqueued_at, so a second sweeper does not send them again
        Assert.DoesNotContain(freshQueued, claimed);
        Assert.DoesNotContain(oldGraded, claimed);
        Assert.DoesNotContain(recentGrading, claimed);
    }

    private async Task<Guid> StoreAsync(string status, TimeSpan age)
    {
        var id = await GradingHarness.StoreSubmissionAsync(_services);
        await _database.ScalarAsync(
            $"update submissions set status = '{status}', enqueued_at = now() - interval '{(int)age.TotalSeconds} seconds' where id = '{id}'");
        return id;
    }
}
