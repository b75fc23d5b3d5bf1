using System.Text.Json;
using Grader.Contracts;
using Grader.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Api.Regrades;

/// <summary>
/// Plans a regrade in one transaction (the job, its submissions cut into numbered batches), then sends one
/// <see cref="RegradeBatch"/> per batch. The plan is a snapshot: a submission that arrives later is not in it and is
/// graded once, by the normal path, with the current version. Unsent batches are re-sent by the workers' sweeper.
/// </summary>
public sealed class RegradePlanner(
    NpgsqlDataSource dataSource, ProblemCatalogProvider catalogs, ISendEndpointProvider sendEndpoints, IOptions<RegradeOptions> options,
    TimeProvider clock, ILogger<RegradePlanner> logger)
{
    public async Task<Guid> StartAsync(RegradeRequest request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var versions = JsonSerializer.Serialize(catalogs.Current.Problems.ToDictionary(p => p.Id, p => p.Version));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await Execute(connection, """
            insert into regrade_jobs (id, course, assignment, problem_id, graded_with_version_other_than_current,
                                      submitted_before, reason, dry_run, state, planned_versions, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 'running', $9, $10)
            """, cancellationToken, Uuid(id), Text(request.Course), Text(request.Assignment), Text(request.ProblemId),
            Bool(request.GradedWithVersionOtherThanCurrent), Timestamp(request.SubmittedBefore), Text(request.Reason),
            Bool(request.DryRun), new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = versions }, Timestamp(now));

        // Only graded submissions: queued ones are about to be graded with the current version anyway.
        var total = await Execute(connection, """
            insert into regrade_items (job_id, submission_id, batch_number)
            select $1, s.id, ((row_number() over (order by s.id)) - 1) / $2
            from submissions s join results r on r.id = s.current_result_id
            where s.status = 'graded'
              and ($3 is null or s.course = $3)
              and ($4 is null or s.assignment = $4)
              and ($5 is null or s.problem_id = $5)
              and ($6 is null or coalesce(s.submitted_at, s.received_at) < $6)
              and (not $7 or r.problem_version is distinct from ($8 ->> s.problem_id))
            """, cancellationToken, Uuid(id), new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = options.Value.BatchSize },
            Text(request.Course), Text(request.Assignment), Text(request.ProblemId), Timestamp(request.SubmittedBefore),
            Bool(request.GradedWithVersionOtherThanCurrent), new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = versions });

        var batches = await Execute(connection, """
            insert into regrade_batches (job_id, batch_number, state, size, sent_at)
            select $1, batch_number, 'pending', count(*), $2 from regrade_items where job_id = $1 group by batch_number
            """, cancellationToken, Uuid(id), Timestamp(now));

        await Execute(connection, """
            update regrade_jobs set total = $2, batch_count = $3,
                state = case when $3 = 0 then 'completed' else state end,
                finished_at = case when $3 = 0 then created_at end
            where id = $1
            """, cancellationToken, Uuid(id), Int(total), Int(batches));
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Regrade job {JobId} planned: {Total} submissions in {Batches} batches, dry run {DryRun}, because {Reason}",
            id, total, batches, request.DryRun, request.Reason);
        await SendAsync(id, batches, cancellationToken);
        return id;
    }

    private async Task SendAsync(Guid id, int batches, CancellationToken cancellationToken)
    {
        // A send to a broker that is down waits for it to come back: bounded, so the request answers.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        try
        {
            var endpoint = await sendEndpoints.GetSendEndpoint(QueueNames.RegradeBatchAddress);
            await endpoint.SendBatch(Enumerable.Range(0, batches).Select(n => new RegradeBatch(id, n)), timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Regrade job {JobId} planned but not all batches sent; the workers' sweeper will send them", id);
            await MarkUnsentAsync(id, cancellationToken);
        }
    }

    // The batches were planned as sent now; marked as never sent, the sweeper takes them at its next pass (seconds), not
    // Regrade:ResendAfter (minutes) later. Some may have reached the queue: a batch delivered twice is regraded once.
    private async Task MarkUnsentAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await Execute(connection, "update regrade_batches set sent_at = '-infinity' where job_id = $1 and state = 'pending'",
                cancellationToken, Uuid(id));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Regrade job {JobId}: could not mark its batches unsent; the sweeper sends them after Regrade:ResendAfter", id);
        }
    }

    private static async Task<int> Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Typed parameters: PostgreSQL cannot infer the type of "$3 is null" from an untyped null.
    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Uuid(Guid value) => new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = value };

    private static NpgsqlParameter Bool(bool value) => new() { NpgsqlDbType = NpgsqlDbType.Boolean, Value = value };

    private static NpgsqlParameter Int(int value) => new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = value };

    private static NpgsqlParameter Timestamp(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)value ?? DBNull.Value };
}
