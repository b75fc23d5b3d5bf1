using Grader.Contracts;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grader.Worker.Tests;

/// <summary>
/// The one-at-a-time grade (<c>Worker:BatchMessageLimit</c> 1) claims between <c>grader.claim</c> set and cleared, as a
/// batch does: its claim fires only the status counters' update trigger (migration 0029), its grade all four.
/// </summary>
public sealed class OneAtATimeClaimTriggerTests : HarnessTestBase
{
    private static readonly string[] UpdateTriggerFunctions =
        ["manual_parts_after_submissions", "summary_after_update", "summary_best_after_update", "window_chain_after_update"];

    protected override ServiceProvider BuildServices(string connectionString) =>
        GradingHarness.Build(connectionString, configure: options => options.BatchMessageLimit = 1, batched: false);

    [Fact]
    public async Task Claim_and_grade_of_one_delivery_run_the_graded_rows_triggers_once_and_the_counters_twice()
    {
        var id = (await StoreSubmissionsAsync(1))[0];
        // Counted from here on: a session takes track_functions when it starts, so the ones open now (the store's) end first.
        await Database.ScalarAsync("do $$ begin execute format('alter database %I set track_functions = ''pl''', current_database()); end $$");
        await EndOtherSessionsAsync();

        await Harness.Bus.Publish(new GradeSubmission(id));
        await WaitUntilAsync(() => Task.FromResult(Harness.Published.Select<SubmissionGraded>().Any()), "the submission was not graded");
        // A session reports its function calls to the statistics when it ends (else up to seconds later, when idle).
        await EndOtherSessionsAsync();

        // Without the marker the claim ran each of the four: 2 each.
        Assert.Equal(
            "manual_parts_after_submissions=1, summary_after_update=2, summary_best_after_update=1, window_chain_after_update=1",
            await Database.ScalarAsync($"""
                select string_agg(f || '=' || coalesce(s.calls, 0), ', ' order by f)
                from unnest(array[{string.Join(", ", UpdateTriggerFunctions.Select(f => $"'{f}'"))}]) f
                left join pg_stat_user_functions s on s.funcname = f and s.schemaname = 'public'
                """));
        Assert.Equal("graded", await StatusAsync(id));
    }

    /// <summary>Closes the worker's pooled sessions (all idle now) and waits until the database has no session but this one.</summary>
    private async Task EndOtherSessionsAsync()
    {
        Services.GetRequiredService<NpgsqlDataSource>().Clear();
        // A session leaves pg_stat_activity after it has flushed its statistics.
        await WaitUntilAsync(async () => (long)(await Database.ScalarAsync("""
            select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
            """))! == 0, "the worker's sessions did not end");
    }
}
