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
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await GradingHarness.StoreSubmissionAsync(Services));
        }

        var poison = ids[1];
        await Database.ScalarAsync($"""
            create function reject_poison() returns trigger language plpgsql as $$
            begin
                if new.submission_id = '{poison}' then raise exception 'poison result rejected'; end if;
                return new;
            end $$;
            create trigger tr_reject_poison before insert on results for each row execute function reject_poison();
            """);

        await Harness.Bus.Publish(new GradeSubmissions(ids));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await Database.ScalarAsync($"select count(*) from submissions where status in ('graded', 'failed')"))! < ids.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, "not every submission finished within 30 s");
            await Task.Delay(50);
        }

        Assert.Equal("failed", await Database.ScalarAsync($"select status from submissions where id = '{poison}'"));
        Assert.Contains("poison result rejected", (string?)await Database.ScalarAsync($"select failure_reason from submissions where id = '{poison}'"));
        Assert.Equal(2L, await Database.ScalarAsync("select count(*) from results"));
        Assert.Equal(3, Convert.ToInt32(await Database.ScalarAsync("select sum(attempts) from submissions")));
        Assert.True(await Harness.Published.Any<SubmissionGraded>(p => p.Context.Message.SubmissionId == ids[2]));
        Assert.Equal(2, Harness.Published.Select<SubmissionGraded>().Count());
        Assert.Empty(Harness.Published.Select<Fault<GradeSubmissions>>());
    }
}
