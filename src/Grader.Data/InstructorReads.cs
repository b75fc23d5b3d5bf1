using Npgsql;

namespace Grader.Data;

/// <summary>
/// The data source of the assignment summary (the API's and the staff pages'): nothing prepared, and a connection reset
/// with <c>DISCARD ALL</c> when it goes back to the pool. Every other service keeps <see cref="ConnectionDefaults"/>.
/// </summary>
/// <remarks>
/// The summary's statements are built per request (their filters vary) and take 30–450 ms at 1,000,000 results against a
/// few ms of planning. Prepared, PostgreSQL moves a statement to its generic plan after five runs, and the summary's
/// generic plans cost 4–13 % more PostgreSQL CPU than plans made for their parameters (docs/benchmarks.md, branch
/// rdq16). The gradebook's sorted statements are the other way round (prepared is ~10 % cheaper), so they stay on the
/// services' data source. The reset costs one message on the next use. Set here whatever the connection string says:
/// these are this data source's settings, not defaults.
/// </remarks>
public static class InstructorReads
{
    /// <summary>The service key of the read path's <see cref="NpgsqlDataSource"/>.</summary>
    public const string Key = "instructor-reads";

    public static NpgsqlDataSourceBuilder Builder(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 0;
        builder.ConnectionStringBuilder.NoResetOnClose = false;
        return builder;
    }
}
