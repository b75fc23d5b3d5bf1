using Grader.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests;

/// <summary>
/// A worker configured to grade one delivery at a time (<c>Worker:BatchMessageLimit</c> 1) still takes an intake
/// commit's <see cref="GradeSubmissions"/>: each of its submissions graded once and announced, a broken one failing alone.
/// </summary>
public sealed class OneAtATimeMultiIdMessageTests : HarnessTestBase
{
    protected override ServiceProvider BuildServices(string connectionString) =>
        GradingHarness.Build(connectionString, configure: options => options.BatchMessageLimit = 1, batched: false);

    [Fact]
    public async Task Message_naming_several_submissions_grades_each_once_and_a_broken_one_fails_alone()
    {
        var ids = await StoreSubmissionsAsync(3);
        var poison = ids[1];
        await Database.RejectResultOfAsync(poison);

        await Harness.Bus.Publish(new GradeSubmissions(ids));

        await WaitUntilAsync(
            async () => (long)(await Database.ScalarAsync(
                "select count(*) from submissions where status in ('graded', 'failed')"))! >= ids.Count,
            "not every submission finished");

        Assert.Equal("failed", await Database.ScalarAsync($"select status from submissions where id = '{poison}'"));
        Assert.Contains("poison result rejected", (string?)await Database.ScalarAsync($"select failure_reason from submissions where id = '{poison}'"));
        Assert.Equal(2L, await Database.ScalarAsync("select count(*) from results"));
        Assert.Equal(3, Convert.ToInt32(await Database.ScalarAsync("select sum(attempts) from submissions")));
        Assert.True(await Harness.Published.Any<SubmissionGraded>(p => p.Context.Message.SubmissionId == ids[2]));
        Assert.Equal(2, Harness.Published.Select<SubmissionGraded>().Count());
        Assert.Empty(Harness.Published.Select<Fault<GradeSubmissions>>());
    }
}
