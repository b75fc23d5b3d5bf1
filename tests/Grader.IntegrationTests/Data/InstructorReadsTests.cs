using Grader.Data;
using Grader.Data.Queries;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.WritePath;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grader.IntegrationTests.Data;

/// <summary>
/// The assignment summary runs on its own data source (<see cref="InstructorReads"/>): nothing prepared, so PostgreSQL
/// plans each run for its parameters instead of moving to a generic plan after five, and each connection reset on its
/// way back to the pool. The services' data source keeps <see cref="ConnectionDefaults"/> (prepared, no reset).
/// </summary>
public sealed class InstructorReadsTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task The_registered_summary_leaves_no_prepared_statement_on_either_data_source()
    {
        await using var provider = Services();
        var summary = provider.GetRequiredService<AssignmentSummaryQuery>();

        // Npgsql prepares a statement at its fifth use on a connection; one connection per data source here.
        for (var run = 0; run < 7; run++)
        {
            await summary.RunAsync("reads", "a1", "p2", null, null, CancellationToken.None);
        }

        Assert.Empty(await PreparedAsync(provider.GetRequiredService<NpgsqlDataSource>()));
        Assert.Empty(await PreparedAsync(provider.GetRequiredKeyedService<NpgsqlDataSource>(InstructorReads.Key)));
    }

    [Fact]
    public async Task A_read_connection_goes_back_to_the_pool_without_its_session_settings()
    {
        await using var provider = Services();

        Assert.NotEqual("3MB", await WorkMemAfterSessionSetAsync(provider.GetRequiredKeyedService<NpgsqlDataSource>(InstructorReads.Key)));
        // The services' connections are not reset (ConnectionDefaults): a session-level set would stay with the connection.
        Assert.Equal("3MB", await WorkMemAfterSessionSetAsync(provider.GetRequiredService<NpgsqlDataSource>()));
    }

    [Fact]
    public void The_read_settings_hold_whatever_the_connection_string_says()
    {
        var settings = InstructorReads.Builder("Host=127.0.0.1;Max Auto Prepare=64;No Reset On Close=true").ConnectionStringBuilder;

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }

    private ServiceProvider Services()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        return new ServiceCollection().AddGraderData(_ => connectionString).BuildServiceProvider();
    }

    /// <summary>A session-level <c>set</c> on one use of the pool's only connection, then <c>work_mem</c> on the next use.</summary>
    private static async Task<string> WorkMemAfterSessionSetAsync(NpgsqlDataSource dataSource)
    {
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var set = new NpgsqlCommand("set work_mem = '3MB'", connection);
            await set.ExecuteNonQueryAsync();
        }

        await using var show = dataSource.CreateCommand("show work_mem");
        return (string)(await show.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> PreparedAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select statement from pg_prepared_statements");
        await using var reader = await command.ExecuteReaderAsync();
        var statements = new List<string>();
        while (await reader.ReadAsync())
        {
            statements.Add(reader.GetString(0));
        }

        return statements;
    }
}
