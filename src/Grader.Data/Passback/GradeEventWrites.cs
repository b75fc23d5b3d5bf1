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
        if (resultIds.Count == 0)
        {
            return 0;
        }

        // Every score change announced here is also an LTI AGS Score for a submission with a line item, in the same
        // transaction; one batch, so the grade path pays one round trip for both, whether or not LTI is in use.
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in ForResultsCommands(sources, resultIds.ToArray(), type))
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return sources.Names.Length == 0 ? 0 : batch.BatchCommands[1].RecordsAffected;
    }

    /// <summary>The LTI Score insert, then the webhook event insert when a source has a callback: for a caller's own batch.</summary>
    public static IEnumerable<NpgsqlBatchCommand> ForResultsCommands(GradeEventSources sources, Guid[] ids, string type)
    {
        yield return LtiScoreWrites.ForResults(ids);
        if (sources.Names.Length > 0)
        {
            yield return new NpgsqlBatchCommand(GradeEventInserts.ForResults)
            {
                Parameters = { new() { Value = ids }, new() { Value = sources.Names }, new() { Value = type } },
            };
        }
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
