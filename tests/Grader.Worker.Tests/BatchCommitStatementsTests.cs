using Grader.Contracts;
using MassTransit.Testing;

namespace Grader.Worker.Tests;

/// <summary>
/// A batch's commit sends only the statements it has rows for: no failure update when every submission grades, no result
/// statements when none does. A statement that matches no row still fires every statement trigger on its table, so an
/// empty one cost each batch a fixed share of PostgreSQL's CPU.
/// </summary>
public sealed class BatchCommitStatementsTests : HarnessTestBase
{
    private const int Count = 4;

    [Fact]
    public async Task Batch_without_failures_runs_no_failure_update()
    {
        await LogStatementsAsync();
        var ids = await StoreSubmissionsAsync(Count);

        await Task.WhenAll(ids.Select(id => Harness.Bus.Publish(new GradeSubmission(id))));
        await WaitUntilAsync(() => Task.FromResult(Harness.Published.Select<SubmissionGraded>().Count() >= Count),
            "not every submission was graded");

        // The log sees the grade's own update (so a missing failure update is not a log that saw nothing). At least: the
        // chain's relink inside it updates earlier submissions, and current_query() names the grade's statement for those too.
        Assert.True(await ChangedAsync("submissions", "%set status = ''graded''%") >= Count);
        Assert.Equal(0L, await StatementsAsync("submissions", "%set status = ''failed''%"));
    }

    [Fact]
    public async Task Batch_of_failures_only_runs_no_result_statements()
    {
        var ids = await StoreSubmissionsAsync(Count);
        // A problem the worker's catalog does not have: each submission fails when graded.
        await Database.ScalarAsync($"update submissions set problem_id = 'no-such-problem' where id in ({SqlList(ids)})");
        await LogStatementsAsync();

        await Task.WhenAll(ids.Select(id => Harness.Bus.Publish(new GradeSubmission(id))));
        await WaitUntilAsync(async () => (long)(await Database.ScalarAsync("select count(*) from submissions where status = 'failed'"))! == Count,
            "not every submission failed");

        // The log sees the failure update (so missing result statements are not a log that saw nothing).
        Assert.Equal(Count, await ChangedAsync("submissions", "%set status = ''failed''%"));
        Assert.Equal(0L, await StatementsAsync("results", "%"));
        Assert.Equal(0L, await StatementsAsync("submissions", "%set status = ''graded''%"));
    }

    /// <summary>
    /// Logs every INSERT on results and UPDATE on submissions from here on: the table, the statement's text and the rows
    /// it wrote (none still fires a statement trigger).
    /// </summary>
    private Task LogStatementsAsync() => Database.ScalarAsync("""
        create table statement_log (target text not null, query text not null, changed bigint not null);
        create function log_statement() returns trigger language plpgsql as $$
        begin
            insert into statement_log select tg_table_name, current_query(), count(*) from new_rows;
            return null;
        end $$;
        create trigger tr_log_submission_update after update on submissions referencing new table as new_rows
            for each statement execute function log_statement();
        create trigger tr_log_result_insert after insert on results referencing new table as new_rows
            for each statement execute function log_statement();
        """);

    private async Task<long> StatementsAsync(string target, string queryLike) =>
        (long)(await Database.ScalarAsync($"select count(*) from statement_log where target = '{target}' and query like '{queryLike}'"))!;

    private async Task<long> ChangedAsync(string target, string queryLike) =>
        (long)(await Database.ScalarAsync(
            $"select coalesce(sum(changed), 0)::bigint from statement_log where target = '{target}' and query like '{queryLike}'"))!;
}
