using Grader.Data.Entities;
using Grader.Data.Passback;
using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Regrades;

/// <summary>
/// The SQL of one regrade batch, all inside the caller's transaction: lock the batch, read its submissions (locked, so
/// two jobs over one submission take turns), write result revisions with COPY, record outcomes, settle the job's counts.
/// Set-based on purpose: one round trip per step, not per submission, is what makes 100,000 regrades a minute.
/// </summary>
public sealed class RegradeBatchStore : IAsyncDisposable
{
    private const int MaxErrorLength = 2000;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private RegradeBatchStore(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Opens a connection and begins the batch's transaction; dispose without <see cref="CommitAsync"/> rolls it back.</summary>
    public static async Task<RegradeBatchStore> BeginAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return new RegradeBatchStore(connection, await connection.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    public async Task<BatchClaim?> LockBatchAsync(RegradeBatchKey key, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            select b.state as batch_state, j.state as job_state, j.dry_run from regrade_batches b join regrade_jobs j on j.id = b.job_id
            where b.job_id = $1 and b.batch_number = $2
            for update of b
            """, key.JobId, key.BatchNumber);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BatchClaim(StoredNames.Parse<RegradeBatchState>(reader.Get<string>("batch_state")),
                StoredNames.Parse<RegradeJobState>(reader.Get<string>("job_state")), reader.Get<bool>("dry_run"))
            : null;
    }

    public async Task<List<StoredGrade>> ReadSubmissionsAsync(RegradeBatchKey key, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            select s.id, s.problem_id, s.answers::text as answers, s.source, s.external_id, s.course, s.assignment, s.student_id,
                   r.score, r.max_score, r.problem_version, r.parts::text as parts,
                   coalesce((select max(x.revision) from results x where x.submission_id = s.id), 0) as last_revision
            from regrade_items i
            join submissions s on s.id = i.submission_id
            left join results r on r.id = s.current_result_id
            where i.job_id = $1 and i.batch_number = $2 and i.outcome is null
            order by s.id
            for update of s
            """, key.JobId, key.BatchNumber);
        return await SqlCommands.ListAsync(command, reader => new StoredGrade(
            new SubmissionIdentity(reader.Get<Guid>("id"), reader.Get<string>("source"), reader.Get<string>("external_id"),
                reader.Get<string>("course"), reader.Get<string>("assignment"), reader.Get<string>("student_id"),
                reader.Get<string>("problem_id")),
            reader.Get<string>("answers"),
            reader.Value<double>("score"),
            reader.Value<double>("max_score"),
            reader.Text("problem_version"),
            reader.Text("parts"),
            reader.Get<int>("last_revision")), cancellationToken);
    }

    public async Task WriteRevisionsAsync(IReadOnlyList<GradingResult> results, CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return;
        }

        // COPY into a scratch table, then one INSERT … SELECT that adds each result's part outcomes (migration 0005)
        // set-based: the row trigger that would compute them one by one costs more than the rest of the write.
        await using (var scratch = Command("""
            create temp table if not exists regrade_revisions (
                id uuid, submission_id uuid, revision integer, problem_version text, variant text, score double precision,
                max_score double precision, parts jsonb, graded_at timestamptz, duration_ms double precision, graded_by text,
                regrade_job_id uuid) on commit delete rows
            """))
        {
            await scratch.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await _connection.BeginBinaryImportAsync("""
            copy regrade_revisions (id, submission_id, revision, problem_version, variant, score, max_score, parts, graded_at,
                                    duration_ms, graded_by, regrade_job_id) from stdin (format binary)
            """, cancellationToken))
        {
            foreach (var result in results)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(result.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(result.SubmissionId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(result.Revision, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(result.ProblemVersion, NpgsqlDbType.Text, cancellationToken);
                if (result.Variant is null)
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await copy.WriteAsync(result.Variant, NpgsqlDbType.Text, cancellationToken);
                }

                await copy.WriteAsync(result.Score, NpgsqlDbType.Double, cancellationToken);
                await copy.WriteAsync(result.MaxScore, NpgsqlDbType.Double, cancellationToken);
                await copy.WriteAsync(result.Parts, NpgsqlDbType.Jsonb, cancellationToken);
                await copy.WriteAsync(result.GradedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(result.DurationMs, NpgsqlDbType.Double, cancellationToken);
                await copy.WriteAsync(result.GradedBy, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(result.RegradeJobId!.Value, NpgsqlDbType.Uuid, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var insert = Command("""
            insert into results (id, submission_id, revision, problem_version, variant, score, max_score, parts, graded_at,
                                 duration_ms, graded_by, regrade_job_id, part_outcomes)
            select t.id, t.submission_id, t.revision, t.problem_version, t.variant, t.score, t.max_score, t.parts, t.graded_at,
                   t.duration_ms, t.graded_by, t.regrade_job_id, summary_part_outcomes(t.parts, s.answers)
            from regrade_revisions t join submissions s on s.id = t.submission_id
            """))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var point = Command("""
            update submissions s set current_result_id = v.result_id, graded_at = $3
            from unnest($1::uuid[], $2::uuid[]) as v(submission_id, result_id)
            where s.id = v.submission_id
            """, results.Select(r => r.SubmissionId).ToArray(), results.Select(r => r.Id).ToArray(), results[0].GradedAt);
        await point.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stores a <c>submission.regraded</c> event for each result (score changes) of a source with a callback.</summary>
    public Task AnnounceRegradesAsync(IReadOnlyList<Guid> resultIds, GradeEventSources sources, CancellationToken cancellationToken) =>
        GradeEventWrites.ForResultsAsync(_connection, _transaction, sources, resultIds, GradeEventTypes.Regraded, cancellationToken);

    public async Task RecordOutcomesAsync(Guid jobId, IReadOnlyList<RegradeItemOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            update regrade_items i
            set outcome = v.outcome, old_score = v.old_score, new_score = v.new_score, max_score = v.max_score,
                old_version = v.old_version, new_version = v.new_version, flips = v.flips::jsonb, error = v.error
            from unnest($2::uuid[], $3::text[], $4::float8[], $5::float8[], $6::float8[], $7::text[], $8::text[], $9::text[],
                        $10::text[]) as v(submission_id, outcome, old_score, new_score, max_score, old_version, new_version,
                                          flips, error)
            where i.job_id = $1 and i.submission_id = v.submission_id
            """,
            jobId,
            outcomes.Select(o => o.SubmissionId).ToArray(),
            outcomes.Select(o => o.Outcome.Name()).ToArray(),
            outcomes.Select(o => o.OldScore).ToArray(),
            outcomes.Select(o => o.NewScore).ToArray(),
            outcomes.Select(o => o.MaxScore).ToArray(),
            outcomes.Select(o => o.OldVersion).ToArray(),
            outcomes.Select(o => o.NewVersion).ToArray(),
            outcomes.Select(o => o.Flips.Count == 0 ? null : PartFlip.ToJson(o.Flips)).ToArray(),
            outcomes.Select(o => o.Error).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks the batch done and adds its counts to the job; the last batch to settle finishes the job.</summary>
    public async Task SettleAsync(RegradeBatchKey key, int done, int changed, int failed, bool batchFailed,
        CancellationToken cancellationToken)
    {
        await using (var batch = Command(
            "update regrade_batches set state = $3, finished_at = now() where job_id = $1 and batch_number = $2",
            key.JobId, key.BatchNumber, (batchFailed ? RegradeBatchState.Failed : RegradeBatchState.Done).Name()))
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        // Right-hand sides see the row before the update, so "batches_settled + 1 = batch_count" means "this was the last".
        await using var job = Command("""
            update regrade_jobs set
                done = done + $2, changed = changed + $3, failed = failed + $4,
                batches_settled = batches_settled + 1, batches_failed = batches_failed + $5,
                state = case when state = 'running' and batches_settled + 1 = batch_count
                             then case when batches_failed + $5 > 0 then 'failed' else 'completed' end
                             else state end,
                finished_at = case when state = 'running' and batches_settled + 1 = batch_count then now() else finished_at end
            where id = $1
            """, key.JobId, done, changed, failed, batchFailed ? 1 : 0);
        await job.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The grades a committed batch changed, to announce again when its message is redelivered (at least once).</summary>
    public async Task<List<CommittedGrade>> ChangedGradesAsync(RegradeBatchKey key, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            select s.id, s.source, s.external_id, s.course, s.assignment, s.student_id, s.problem_id,
                   r.problem_version, r.score, r.max_score, r.graded_at
            from regrade_items i
            join submissions s on s.id = i.submission_id
            join results r on r.submission_id = i.submission_id and r.regrade_job_id = i.job_id
            where i.job_id = $1 and i.batch_number = $2 and i.outcome = 'changed'
            """, key.JobId, key.BatchNumber);
        return await SqlCommands.ListAsync(command, reader => new CommittedGrade(
            new SubmissionIdentity(reader.Get<Guid>("id"), reader.Get<string>("source"), reader.Get<string>("external_id"),
                reader.Get<string>("course"), reader.Get<string>("assignment"), reader.Get<string>("student_id"),
                reader.Get<string>("problem_id")),
            reader.Get<string>("problem_version"), reader.Get<double>("score"), reader.Get<double>("max_score"),
            reader.Get<DateTimeOffset>("graded_at")), cancellationToken);
    }

    /// <summary>
    /// Settles a pending batch as failed: each of its submissions still without an outcome gets the outcome failed and the
    /// reason (listed by <c>/failures</c>) and counts in the job's failed; the job ends failed once every batch settled.
    /// </summary>
    public async Task FailAsync(RegradeBatchKey key, string reason, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "update regrade_items set outcome = 'failed', error = $3 where job_id = $1 and batch_number = $2 and outcome is null",
            key.JobId, key.BatchNumber, reason.Length > MaxErrorLength ? reason[..MaxErrorLength] : reason);
        var unsettled = await command.ExecuteNonQueryAsync(cancellationToken);
        await SettleAsync(key, unsettled, 0, unsettled, batchFailed: true, cancellationToken);
    }

    private NpgsqlCommand Command(string sql, params object?[] values) => SqlCommands.Create(_connection, _transaction, sql, values);
}
