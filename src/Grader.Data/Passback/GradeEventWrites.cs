using Grader.Data.Lti;
using Grader.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Grader.Data.Passback;

/// <summary>Stores outgoing events on the connection and inside the open transaction of an EF context or a plain batch.</summary>
internal static class GradeEventWrites
{
    public static Task<int> ForResultsAsync(GraderDbContext db, GradeEventSources sources, IReadOnlyList<Guid> resultIds, string type,
        CancellationToken cancellationToken) =>
        ForResultsAsync(Connection(db), Transaction(db), sources, resultIds, type, cancellationToken);

    public static async Task<int> ForResultsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, GradeEventSources sources,
        IReadOnlyList<Guid> resultIds, string type, CancellationToken cancellationToken)
    {
        // Every score change announced here is also an LTI AGS Score for a submission with a line item, in the same transaction.
        await LtiScoreWrites.ForResultsAsync(connection, transaction, resultIds, cancellationToken);
        return sources.Names.Length == 0 || resultIds.Count == 0
            ? 0
            : await SqlCommands.ExecuteAsync(connection, transaction, GradeEventInserts.ForResults, cancellationToken,
                resultIds.ToArray(), sources.Names, type);
    }

    public static async Task<int> ForFailureAsync(GraderDbContext db, GradeEventSources sources, Guid submissionId,
        CancellationToken cancellationToken) =>
        sources.Names.Length == 0
            ? 0
            : await SqlCommands.ExecuteAsync(Connection(db), Transaction(db), GradeEventInserts.ForFailure, cancellationToken,
                submissionId, sources.Names);

    private static NpgsqlConnection Connection(GraderDbContext db) => (NpgsqlConnection)db.Database.GetDbConnection();

    private static NpgsqlTransaction Transaction(GraderDbContext db) =>
        (NpgsqlTransaction)(db.Database.CurrentTransaction ?? throw new InvalidOperationException("No open transaction.")).GetDbTransaction();
}
