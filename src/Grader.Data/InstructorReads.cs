using Npgsql;

namespace Grader.Data;

/// <summary>
/// The data source of the instructor queries and the staff pages' reads (summary, gradebook, a student's history, the
/// course lists, manual grading's answers): nothing prepared, and a connection reset with <c>DISCARD ALL</c> when it goes
/// back to the pool. The services' own statements keep <see cref="ConnectionDefaults"/>.
/// </summary>
/// <remarks>
/// These statements are built per request (their filters vary), run a few times a minute, and take 30–250 ms at 1,000,000
/// results against 1–4 ms of planning. Prepared, PostgreSQL moves a statement to its generic plan after five runs: the
/// one-problem summary's generic plan costs ~10 % more PostgreSQL CPU than the plan made for its parameters
/// (docs/benchmarks.md, branch rdq16). The reset costs one message on the next use, and leaves no state of one page's
/// statements to the next. Set here whatever the connection string says: these are the read path's settings, not
/// defaults.
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
