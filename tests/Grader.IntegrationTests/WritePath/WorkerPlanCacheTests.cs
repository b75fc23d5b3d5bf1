using Grader.Data;
using Grader.Data.Entities;
using Grader.Data.Passback;
using Grader.Data.Submissions;
using Grader.IntegrationTests.Infrastructure;
using Npgsql;
using static Grader.IntegrationTests.Queries.TestSql;

namespace Grader.IntegrationTests.WritePath;

/// <summary>
/// The worker's claim and grade statements take the batch as arrays; Npgsql prepares them, and PostgreSQL's plan cache
/// chose a custom plan for every small batch (the arrays' lengths known, its estimate always beat the generic plan's), so a
/// single-submission grade planned all five again each time. <see cref="SubmissionBatchGrades"/> now runs them with
/// <c>plan_cache_mode = force_generic_plan</c> (set local): each connection plans each statement once.
/// </summary>
public sealed class WorkerPlanCacheTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Single_submission_claims_and_grades_reuse_their_connections_generic_plans()
    {
        // One connection, prepared statements kept across uses, as a worker's pool keeps them (ConnectionDefaults).
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        await using var dataSource = ConnectionDefaults.Builder(connectionString).Build();
        var grades = new SubmissionBatchGrades(dataSource, GradeEventSources.None);

        // Npgsql prepares a statement at its fifth use; eight grades leave three on the prepared statements.
        for (var grade = 1; grade <= 8; grade++)
        {
            var submission = await WritePathRows.QueuedAsync(database.Db, "worker-plans", $"plans-{grade}-{Guid.NewGuid():N}", DateTimeOffset.UtcNow);
            Assert.Single(await grades.ClaimAsync([new(submission, true)], DateTimeOffset.UtcNow, CancellationToken.None));
            var commit = await grades.CommitAsync([WritePathRows.Result(submission, "plans")], [], CancellationToken.None);
            Assert.Equal(submission, Assert.Single(commit.Graded));
        }

        var plans = await PreparedPlansAsync(dataSource);
        // The statements of a batch without failures (such a batch sends no failure update).
        var statements = SubmissionBatchGrades.ClaimCommands([], DateTimeOffset.UtcNow)
            .Concat(SubmissionBatchGrades.CommitCommands([WritePathRows.Result(Guid.NewGuid(), "plans")], [], GradeEventSources.None))
            .Select(c => c.CommandText)
            .Where(sql => !sql.StartsWith("set ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(4, statements.Count);
        foreach (var sql in statements)
        {
            // Prepared and run on its plan since (so the zero below means something), and never planned for its parameters.
            Assert.True(plans.TryGetValue(sql, out var counts), $"not prepared on the connection: {sql}\nprepared: {string.Join("\n---\n", plans.Select(p => $"{p.Value} {p.Key}"))}");
            Assert.True(counts.Generic >= 3, $"{counts.Generic} generic plans for: {sql}");
            Assert.Equal(0, counts.Custom);
        }
    }

    /// <summary>The connection's prepared statements with how often each ran on its generic plan and on a custom plan.</summary>
    private static async Task<Dictionary<string, (long Generic, long Custom)>> PreparedPlansAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select statement, generic_plans, custom_plans from pg_prepared_statements");
        await using var reader = await command.ExecuteReaderAsync();
        var plans = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            plans[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        return plans;
    }
}
