using Grader.Data.Entities;
using Grader.Data.Submissions;
using Grader.IntegrationTests.Infrastructure;
using Npgsql;
using static Grader.IntegrationTests.Queries.TestSql;

namespace Grader.IntegrationTests.WritePath;

/// <summary>
/// The write path's triggers after migration 0026: the relink's own UPDATE of superseded_at (0025) runs no update trigger
/// of submissions again, and every aggregate the triggers keep still equals its from-scratch rebuild after every write path.
/// </summary>
public sealed class WritePathTriggerTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] UpdateTriggerFunctions =
        ["summary_after_update", "summary_best_after_update", "manual_parts_after_submissions", "window_chain_after_update"];

    [Fact]
    public async Task A_grade_that_supersedes_the_students_last_one_runs_each_update_trigger_once()
    {
        var student = "once-" + Guid.NewGuid().ToString("N")[..8];
        var earlier = await WritePathRows.QueuedAsync(database.Db, "once", student, Day.AddHours(9));
        var later = await WritePathRows.QueuedAsync(database.Db, "once", student, Day.AddHours(10));
        var grades = new SubmissionBatchGrades(database.Db, Grader.Data.Passback.GradeEventSources.None);
        await grades.ClaimAsync([new(earlier, true), new(later, true)], DateTimeOffset.UtcNow, CancellationToken.None);
        await grades.CommitAsync([WritePathRows.Result(earlier, "once")], [], CancellationToken.None);
        var result = WritePathRows.Result(later, "once");

        // The worker's two statements of a grade, in a transaction whose function calls PostgreSQL counts for it alone.
        await using var connection = await database.Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "set local track_functions = 'pl'");
        await GradeAsync(connection, transaction, result);
        var counted = await FunctionCallsAsync(connection, transaction, UpdateTriggerFunctions);

        await using var superseded = new NpgsqlCommand("select superseded_at from submissions where id = $1", connection, transaction)
        {
            Parameters = { new() { Value = earlier } },
        };
        var supersededAt = (DateTime)(await superseded.ExecuteScalarAsync())!;
        await transaction.CommitAsync();
        await ExecuteAsync(connection, "select pg_stat_force_next_flush()"); // or the next test's transaction sees these counts

        // Before 0026: twice each, the second time for the relink's UPDATE of the earlier submission's superseded_at.
        Assert.Equal(UpdateTriggerFunctions.Order(StringComparer.Ordinal).Select(f => (f, 1L)), counted);
        Assert.Equal(new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc), supersededAt.ToUniversalTime());
    }

    [Fact]
    public async Task A_batch_claim_runs_only_the_status_counters_update_trigger()
    {
        var student = "claim-" + Guid.NewGuid().ToString("N")[..8];
        var first = await WritePathRows.QueuedAsync(database.Db, "claim", student, Day.AddHours(9));
        var second = await WritePathRows.QueuedAsync(database.Db, "claim", student, Day.AddHours(10));

        // The worker's claim transaction as it sends it, in a transaction whose function calls PostgreSQL counts for it alone.
        await using var connection = await database.Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "set local track_functions = 'pl'");
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in SubmissionBatchGrades.ClaimCommands([new(first, true), new(second, true)], DateTimeOffset.UtcNow))
        {
            batch.BatchCommands.Add(command);
        }

        var claimed = 0;
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            do
            {
                while (await reader.ReadAsync())
                {
                    claimed++;
                }
            }
            while (await reader.NextResultAsync());
        }

        var counted = await FunctionCallsAsync(connection, transaction, UpdateTriggerFunctions);
        await using var marker = new NpgsqlCommand("select coalesce(current_setting('grader.claim', true), '')", connection, transaction);
        var markerAfter = (string)(await marker.ExecuteScalarAsync())!;
        await transaction.CommitAsync();
        await ExecuteAsync(connection, "select pg_stat_force_next_flush()"); // or the next test's transaction sees these counts

        // Before 0029: each of the four once. A claim neither leaves nor enters graded, so the others have nothing to do.
        Assert.Equal(2, claimed);
        Assert.Equal(UpdateTriggerFunctions.Order(StringComparer.Ordinal).Select(f => (f, f == "summary_after_update" ? 1L : 0L)), counted);
        Assert.Equal("", markerAfter);
    }

    [Fact]
    public async Task A_first_grade_deletes_no_manual_parts_and_one_with_a_manual_part_gets_its_row()
    {
        var student = "manual-" + Guid.NewGuid().ToString("N")[..8];
        var plain = await WritePathRows.QueuedAsync(database.Db, "manual", student, Day.AddHours(9));
        var manual = await WritePathRows.QueuedAsync(database.Db, "manual", student, Day.AddHours(10));
        var grades = new SubmissionBatchGrades(database.Db, Grader.Data.Passback.GradeEventSources.None);
        await grades.ClaimAsync([new(plain, true), new(manual, true)], DateTimeOffset.UtcNow, CancellationToken.None);
        var withManualPart = WritePathRows.Result(manual, "manual");
        withManualPart.Parts = """[{"partId": "m", "status": "manual", "score": 0, "maxScore": 1, "feedback": ""}]""";

        var plainCalls = await GradeCountingRefreshesAsync(WritePathRows.Result(plain, "manual"));
        var manualCalls = await GradeCountingRefreshesAsync(withManualPart);

        // Before 0029: a refresh for every first grade, whose empty DELETE also fired manual_parts' delete trigger. Before
        // 0031 the grade with a manual part still did (1, 1): a first grade has no rows to delete, only some to insert.
        Assert.Equal([("manual_parts_after_delete", 0L), ("manual_parts_refresh", 0L)], plainCalls);
        Assert.Equal([("manual_parts_after_delete", 0L), ("manual_parts_refresh", 0L)], manualCalls);
        await using var parts = database.Db.CreateCommand("select count(*) from manual_parts where submission_id = $1");
        parts.Parameters.Add(new() { Value = manual });
        Assert.Equal(1L, await parts.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_grades_reads_of_submissions_do_not_grow_with_its_manual_parts()
    {
        var student = "keys-" + Guid.NewGuid().ToString("N")[..8];
        var few = await WritePathRows.QueuedAsync(database.Db, "keys", student + "-1", Day.AddHours(9));
        var many = await WritePathRows.QueuedAsync(database.Db, "keys", student + "-5", Day.AddHours(9));
        var grades = new SubmissionBatchGrades(database.Db, Grader.Data.Passback.GradeEventSources.None);
        await grades.ClaimAsync([new(few, true), new(many, true)], DateTimeOffset.UtcNow, CancellationToken.None);

        var fewScans = await GradeCountingSubmissionScansAsync(WithManualParts(WritePathRows.Result(few, "keys"), 1));
        var manyScans = await GradeCountingSubmissionScansAsync(WithManualParts(WritePathRows.Result(many, "keys"), 5));

        // Before 0031: one more scan of submissions per manual part, the foreign key's check of each manual_parts row.
        Assert.Equal(fewScans, manyScans);
        await using var parts = database.Db.CreateCommand("select count(*) from manual_parts where submission_id = $1");
        parts.Parameters.Add(new() { Value = many });
        Assert.Equal(5L, await parts.ExecuteScalarAsync());
    }

    private static GradingResult WithManualParts(GradingResult result, int count)
    {
        result.Parts = "[" + string.Join(", ", Enumerable.Range(1, count).Select(i =>
            $$"""{"partId": "m{{i}}", "status": "manual", "score": 0, "maxScore": 1, "feedback": ""}""")) + "]";
        return result;
    }

    /// <summary>The grade's two statements for <paramref name="result"/>, counting the scans of submissions they make.</summary>
    private async Task<long> GradeCountingSubmissionScansAsync(GradingResult result)
    {
        const string Scans = "select pg_stat_get_xact_numscans('submissions'::regclass) + pg_stat_get_xact_numscans('submissions_pkey'::regclass)";
        await using var connection = await database.Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var count = new NpgsqlCommand(Scans, connection, transaction);
        var before = (long)(await count.ExecuteScalarAsync())!;
        await GradeAsync(connection, transaction, result);
        var after = (long)(await count.ExecuteScalarAsync())!;
        await transaction.CommitAsync();
        return after - before;
    }

    /// <summary>The grade's two statements for <paramref name="result"/>, counting the manual parts' functions they call.</summary>
    private async Task<List<(string, long)>> GradeCountingRefreshesAsync(GradingResult result)
    {
        await using var connection = await database.Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "set local track_functions = 'pl'");
        await GradeAsync(connection, transaction, result);
        var counted = await FunctionCallsAsync(connection, transaction, ["manual_parts_after_delete", "manual_parts_refresh"]);
        await transaction.CommitAsync();
        await ExecuteAsync(connection, "select pg_stat_force_next_flush()");
        return counted;
    }

    /// <summary>The worker's two statements of a grade (<see cref="BatchGradeWrites"/>), one result at a time.</summary>
    private static async Task GradeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, GradingResult result)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { BatchGradeWrites.InsertResults([result]), BatchGradeWrites.MarkGraded([result]) },
        };
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>How often this transaction called each function (track_functions on), in name order; 0 if never.</summary>
    private static async Task<List<(string, long)>> FunctionCallsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string[] functions)
    {
        await using var calls = new NpgsqlCommand("""
            select f, coalesce(pg_stat_get_xact_function_calls(f::regproc), 0) from unnest($1::text[]) f order by f
            """, connection, transaction) { Parameters = { new() { Value = functions } } };
        var counted = new List<(string, long)>();
        await using var reader = await calls.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counted.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return counted;
    }

    [Fact]
    public async Task Every_aggregate_equals_its_rebuild_after_intake_batch_grades_failures_retries_regrades_manual_grades_and_deletes()
    {
        await new WritePathChurn(database.Db).RunAsync();

        var kept = await SnapshotAsync(rebuildFirst: false);
        var rebuilt = await SnapshotAsync(rebuildFirst: true);

        Assert.True(kept["summary_counted"].Count > 40, "the churn should leave many counted submissions");
        Assert.True(kept["manual_parts"].Count > 5, "the churn should leave manual parts, graded and not");
        Assert.True(kept["superseded"].Count(r => !r.EndsWith('|')) > 20, "the churn should leave many superseded submissions");
        foreach (var (table, rows) in rebuilt)
        {
            Assert.True(rows.SequenceEqual(kept[table]),
                $"{table}:\nkept by the triggers:\n{string.Join('\n', kept[table])}\nrebuilt:\n{string.Join('\n', rows)}");
        }
    }

    /// <summary>
    /// The aggregates as rows of text, counters summed over their slots; with <paramref name="rebuildFirst"/>, as the
    /// migrations' rebuild functions compute them from submissions and results (in a transaction rolled back after).
    /// </summary>
    private async Task<Dictionary<string, List<string>>> SnapshotAsync(bool rebuildFirst)
    {
        await using var connection = await database.Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (rebuildFirst)
        {
            await ExecuteAsync(connection,
                "select window_chain_rebuild(), summary_rebuild(), summary_best_rebuild(), manual_parts_rebuild()");
        }

        var queries = new Dictionary<string, string>
        {
            ["statuses"] = """
                select concat_ws('|', course, assignment, problem_id, status, sum(n)) from summary_status_slots
                group by course, assignment, problem_id, status having sum(n) <> 0 order by 1
                """,
            ["summary_counted"] = "select t::text from summary_counted t order by 1",
            ["summary_best"] = "select t::text from summary_best t order by 1",
            ["manual_parts"] = "select t::text from manual_parts t order by 1",
            ["manual_part_counts"] = """
                select concat_ws('|', course, assignment, problem_id, part_id, graded, sum(n)) from manual_part_slots
                group by course, assignment, problem_id, part_id, graded having sum(n) <> 0 order by 1
                """,
            ["superseded"] = "select id || '|' || coalesce(superseded_at::text, '') from submissions order by 1",
        };
        var snapshot = new Dictionary<string, List<string>>();
        foreach (var (name, sql) in queries)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            snapshot[name] = rows;
        }

        await transaction.RollbackAsync();
        return snapshot;
    }
}
