using Grader.Data.Entities;
using Grader.Data.Submissions;
using Grader.IntegrationTests.Infrastructure;
using Npgsql;
using static Grader.IntegrationTests.Queries.TestSql;

namespace Grader.IntegrationTests.WritePath;

/// <summary>
/// Migration 0028: the helpers that a grade's statement triggers call with an array (the chain's relink, the manual parts'
/// refresh, the counted offer) plan their statements once per connection. Before it, the plan cache chose a custom plan on
/// every call (the array's length known, its estimate always beat the generic plan's), and that planning was most of the
/// fixed PostgreSQL CPU of a grade statement. The result insert's part outcomes, a SQL function before, planned its body
/// once per statement that called it.
/// </summary>
public sealed class TriggerPlanCacheTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset Day = new(2026, 11, 3, 0, 0, 0, TimeSpan.Zero);

    // A first grade's manual parts go to manual_parts_insert since 0031 (the refresh's insert half; the refresh is the
    // delete and that insert, for staff grades).
    private static readonly string[] Helpers =
        ["window_chain_relink", "manual_parts_insert", "summary_offer_counted", "summary_part_outcomes"];

    [Fact]
    public async Task A_connections_later_single_submission_grades_plan_nothing_in_the_write_paths_helpers()
    {
        var grades = new SubmissionBatchGrades(database.Db, Grader.Data.Passback.GradeEventSources.None);
        await using var connection = await database.Db.OpenConnectionAsync();
        var planned = new List<string>();
        connection.Notice += (_, e) =>
        {
            if (e.Notice.MessageText == "PLANNER STATISTICS")
            {
                planned.Add(InnermostFunction(e.Notice.Where));
            }
        };

        // The planner reports each plan it makes to this client, with the PL/pgSQL function whose statement it planned.
        await ExecuteAsync(connection, "set client_min_messages = log");
        await ExecuteAsync(connection, "set log_planner_stats = on");
        for (var grade = 1; grade <= 9; grade++)
        {
            planned.Clear();
            await GradeOneAsync(grades, connection, grade);
        }

        // Eight grades on this connection before: with a custom plan each time these would plan again now.
        Assert.DoesNotContain(planned, Helpers.Contains);
    }

    /// <summary>
    /// A student's second submission graded, one in its grade statement as the worker sends it one at a time: it supersedes
    /// the first, so the relink and the counted offer run, and its manual part makes the manual parts' refresh run.
    /// </summary>
    private async Task GradeOneAsync(SubmissionBatchGrades grades, NpgsqlConnection connection, int grade)
    {
        var student = $"plan-{grade}-" + Guid.NewGuid().ToString("N")[..8];
        var earlier = await WritePathRows.QueuedAsync(database.Db, "plans", student, Day.AddHours(9));
        var later = await WritePathRows.QueuedAsync(database.Db, "plans", student, Day.AddHours(10));
        await grades.ClaimAsync([new(earlier, true), new(later, true)], DateTimeOffset.UtcNow, CancellationToken.None);
        await grades.CommitAsync([WritePathRows.Result(earlier, "plans")], [], CancellationToken.None);

        var result = WritePathRows.Result(later, "plans");
        // A manual part, so that manual_parts_insert's statement has rows to plan for (without one it finds nothing).
        result.Parts = """[{"partId": "m", "status": "manual", "score": 0, "maxScore": 1, "feedback": ""}]""";
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "set local track_functions = 'all'");
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { BatchGradeWrites.InsertResults([result]), BatchGradeWrites.MarkGraded([result]) },
        };
        await batch.ExecuteNonQueryAsync();
        await AssertEachHelperRanAsync(connection, transaction);
        await transaction.CommitAsync();
    }

    /// <summary>The grade ran every helper in this transaction, so the test's silence about them means something.</summary>
    private static async Task AssertEachHelperRanAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var calls = new NpgsqlCommand("""
            select f from unnest($1::text[]) f where coalesce(pg_stat_get_xact_function_calls(f::regproc), 0) > 0 order by f
            """, connection, transaction) { Parameters = { new() { Value = Helpers } } };
        var called = new List<string>();
        await using var reader = await calls.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            called.Add(reader.GetString(0));
        }

        Assert.Equal(Helpers.Order(StringComparer.Ordinal), called);
    }

    /// <summary>
    /// The first function in an error context, innermost first ("PL/pgSQL function name(args) line N at …" or "SQL function
    /// "name" statement N"): the function whose statement was planned; empty for a statement the client sent itself.
    /// </summary>
    private static string InnermostFunction(string? where)
    {
        foreach (var line in (where ?? "").Split('\n'))
        {
            foreach (var marker in (string[])["PL/pgSQL function ", "SQL function \""])
            {
                if (line.StartsWith(marker, StringComparison.Ordinal))
                {
                    var name = line[marker.Length..];
                    var end = name.IndexOfAny(['(', '"']);
                    return end < 0 ? name : name[..end];
                }
            }
        }

        return "";
    }
}
