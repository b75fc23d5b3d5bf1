using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Regrades;

/// <summary>Where a worker starts on a regrade batch: counts the start, then opens the batch's transaction.</summary>
public sealed class RegradeBatches(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Counts one more start of a pending batch, committed at once on its own connection: a worker that dies in the batch
    /// rolls its transaction back, but not this.
    /// </summary>
    /// <param name="newAttempt">False for an in-process retry of the same delivery: read the count, do not add to it.</param>
    /// <returns>The starts so far, this one included; 0 when the batch is not pending (done, failed, or unknown).</returns>
    public async Task<int> CountStartAsync(RegradeBatchKey key, bool newAttempt, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            "update regrade_batches set attempts = attempts + $3 where job_id = $1 and batch_number = $2 and state = 'pending' returning attempts",
            key.JobId, key.BatchNumber, newAttempt ? 1 : 0);
        return await command.ExecuteScalarAsync(cancellationToken) as int? ?? 0;
    }

    /// <summary>The batch's transaction; every statement of the batch runs in it.</summary>
    public Task<RegradeBatchStore> BeginAsync(CancellationToken cancellationToken) => RegradeBatchStore.BeginAsync(dataSource, cancellationToken);
}
