using Grader.Data.Entities;
using Grader.Data.Passback;
using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Submissions;

/// <summary>
/// What a worker writes of a batch of submissions: claim them in one statement, then commit their first grades and
/// failures in one transaction, set-based (one round trip and one flush for the batch), with their outgoing LMS events.
/// </summary>
public sealed class SubmissionBatchGrades(NpgsqlDataSource dataSource, GradeEventSources eventSources)
{
    /// <summary>
    /// Marks the submissions <c>grading</c> unless graded already; one round trip, no flush wait (as the single claim in
    /// <see cref="SubmissionGrades.ClaimAsync"/>: the claim is a marker, and the grade's commit flushes it).
    /// </summary>
    /// <returns>The claimed submissions with their variant overrides; a graded or unknown submission is not among them.</returns>
    public async Task<List<ClaimedSubmission>> ClaimAsync(IReadOnlyList<ClaimRequest> requests, DateTimeOffset startedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in ClaimCommands(requests, startedAt))
        {
            batch.BatchCommands.Add(command);
        }

        var claimed = new List<ClaimedSubmission>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    claimed.Add(BatchClaim.Read(reader));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>
    /// Stores the first results and marks their submissions graded, and marks the failures failed, under the submissions'
    /// row locks; a submission another delivery graded first gets nothing. Webhook events and LTI Scores of what was
    /// written commit with it.
    /// </summary>
    public async Task<BatchCommit> CommitAsync(IReadOnlyList<GradingResult> results, IReadOnlyList<SubmissionFailure> failures,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in CommitCommands(results, failures, eventSources))
        {
            batch.BatchCommands.Add(command);
        }

        var graded = new HashSet<Guid>();
        var failed = new HashSet<Guid>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            // Rows come from the insert (graded_id: graded now) and the failure update (failed_id: failed now).
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    (reader.GetName(0) == "graded_id" ? graded : failed).Add(reader.GetGuid(0));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        foreach (var id in eventSources.Names.Length == 0 ? [] : failed.Order().ToList())
        {
            await SqlCommands.ExecuteAsync(connection, transaction, GradeEventInserts.ForFailure, cancellationToken, id, eventSources.Names);
        }

        await transaction.CommitAsync(cancellationToken);
        return new BatchCommit(graded, failed);
    }

    /// <summary>
    /// The claim's transaction: no flush wait, generic plans (<see cref="WorkerPlans"/>), the claim between
    /// <c>grader.claim</c> set and cleared.
    /// </summary>
    /// <remarks>
    /// A claim moves submissions between states that are not graded, so of the update triggers on <c>submissions</c> only
    /// the status counters have work in it; migration 0029 skips the best scores', the manual parts' and the window
    /// chain's while <c>grader.claim</c> is on (each was a PL/pgSQL call reading the transition tables: a fixed cost per
    /// batch, docs/benchmarks.md, "The worker batch's fixed cost"). Cleared right after, so nothing else runs under it.
    /// </remarks>
    internal static NpgsqlBatchCommand[] ClaimCommands(IReadOnlyList<ClaimRequest> requests, DateTimeOffset startedAt) =>
    [
        new("set local synchronous_commit = off"), WorkerPlans.Generic(), new(ClaimMarker.On), BatchClaim.Command(requests, startedAt),
        new(ClaimMarker.Off),
    ];

    /// <summary>
    /// The grade's transaction, up to the failures' events: generic plans (<see cref="WorkerPlans"/>), the results, the
    /// marks, and the results' LTI Scores and webhook events. A batch without failures runs no failure update, and one
    /// without results no result statements.
    /// </summary>
    /// <remarks>
    /// An update that matches no row still fires the statement triggers of <c>submissions</c> (counters, best and counted
    /// rows, manual parts, the window chain: each reads its empty transition tables), so the failure update that almost
    /// every batch sent with empty arrays cost a fixed share of each batch; with two workers the pipeline's batches are
    /// less than half as large, and such fixed costs weigh twice as much a grade (docs/benchmarks.md, "A second worker at
    /// equal batch size").
    /// </remarks>
    internal static List<NpgsqlBatchCommand> CommitCommands(IReadOnlyList<GradingResult> results, IReadOnlyList<SubmissionFailure> failures,
        GradeEventSources eventSources)
    {
        List<NpgsqlBatchCommand> commands = [WorkerPlans.Generic()];
        if (results.Count > 0)
        {
            commands.Add(BatchGradeWrites.InsertResults(results));
            commands.Add(BatchGradeWrites.MarkGraded(results));
            // Events for the results only: one that lost to another delivery is not in the table, so it announces nothing.
            commands.AddRange(GradeEventWrites.ForResultsCommands(eventSources, results.Select(r => r.Id).ToArray(), GradeEventTypes.Graded));
        }

        if (failures.Count > 0)
        {
            commands.Add(BatchGradeWrites.MarkFailed(failures));
        }

        return commands;
    }

    /// <returns>The submissions among <paramref name="ids"/> that exist, each with its current result as committed.</returns>
    public async Task<List<Submission>> FindCommittedAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            select s.*, r.problem_version as result_problem_version, r.score as result_score, r.max_score as result_max_score,
                   r.graded_at as result_graded_at
            from submissions s left join results r on r.id = s.current_result_id
            where s.id = any($1)
            """, ids.ToArray());
        return await SqlCommands.ListAsync(command, ReadWithResult, cancellationToken);
    }

    private static Submission ReadWithResult(NpgsqlDataReader reader)
    {
        var submission = SubmissionRows.Read(reader);
        if (submission.CurrentResultId is { } resultId && reader.Text("result_problem_version") is { } version)
        {
            submission.CurrentResult = new GradingResult
            {
                Id = resultId,
                SubmissionId = submission.Id,
                ProblemVersion = version,
                Score = reader.Get<double>("result_score"),
                MaxScore = reader.Get<double>("result_max_score"),
                GradedAt = reader.Get<DateTimeOffset>("result_graded_at"),
                Parts = "[]", // not read: the announcement needs the score only
                GradedBy = "",
            };
        }

        return submission;
    }
}

/// <summary>A submission that cannot be graded, and why.</summary>
public sealed record SubmissionFailure(Guid SubmissionId, string Reason);

/// <summary>Which submissions a batch commit graded and which it marked failed (others were graded by another delivery).</summary>
public sealed record BatchCommit(IReadOnlySet<Guid> Graded, IReadOnlySet<Guid> Failed);
