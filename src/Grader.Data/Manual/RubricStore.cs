using Grader.Data.Passback;
using Grader.Data.Sql;
using Npgsql;
using static Grader.Data.Sql.SqlCommands;

namespace Grader.Data.Manual;

/// <summary>
/// Rubric items of a manual part per course. Changing an item's points or deleting it re-scores every grade that applied
/// it, each as a new result revision, in the same transaction as the change: no reader sees the item and the scores disagree.
/// </summary>
public sealed class RubricStore(NpgsqlDataSource dataSource, TimeProvider clock, GradeEventSources eventSources)
{
    private const string Columns = "id, course, problem_id, part_id, label, points, description, position, from_file";

    /// <summary>The part's items in order; the problem file's items are copied in on the first read.</summary>
    public async Task<List<StoredRubricItem>> ListAsync(string course, string problemId, string partId, IReadOnlyList<FileRubricItem> fromFile,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var seeded = await ExecuteAsync(connection, transaction,
            "insert into rubric_seeded_parts values ($1, $2, $3) on conflict do nothing", cancellationToken, course, problemId, partId);
        if (seeded == 1 && fromFile.Count > 0)
        {
            var now = clock.GetUtcNow();
            await ExecuteAsync(connection, transaction, """
                insert into rubric_items (id, course, problem_id, part_id, label, points, description, position, from_file, created_at)
                select gen_random_uuid(), $1, $2, $3, f.label, f.points, f.description, f.position, true, $7
                from unnest($4::text[], $5::double precision[], $6::text[]) with ordinality as f (label, points, description, position)
                on conflict do nothing
                """, cancellationToken, course, problemId, partId, fromFile.Select(f => f.Label).ToArray(),
                fromFile.Select(f => f.Points).ToArray(), fromFile.Select(f => f.Description).ToArray(), now);
        }

        await using var command = Create(connection, transaction,
            $"select {Columns} from rubric_items where course = $1 and problem_id = $2 and part_id = $3 order by position, created_at",
            course, problemId, partId);
        var items = await SqlCommands.ListAsync(command, Read, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return items;
    }

    /// <returns>null when the part already has an item with that label.</returns>
    public async Task<StoredRubricItem?> AddAsync(string course, string problemId, string partId, string label, double points, string description,
        CancellationToken cancellationToken)
    {
        await using var command = Create(dataSource, $"""
            insert into rubric_items (id, course, problem_id, part_id, label, points, description, position, created_at)
            select $1, $2, $3, $4, $5, $6, $7,
                   coalesce((select max(position) from rubric_items where course = $2 and problem_id = $3 and part_id = $4), 0) + 1, $8
            on conflict (course, problem_id, part_id, label) do nothing
            returning {Columns}
            """, Guid.CreateVersion7(clock.GetUtcNow()), course, problemId, partId, label, points, description, clock.GetUtcNow());
        return (await SqlCommands.ListAsync(command, Read, cancellationToken)).SingleOrDefault();
    }

    public async Task<StoredRubricItem?> FindAsync(string course, Guid itemId, CancellationToken cancellationToken)
    {
        await using var command = Create(dataSource, $"select {Columns} from rubric_items where id = $1 and course = $2", itemId, course);
        return (await SqlCommands.ListAsync(command, Read, cancellationToken)).SingleOrDefault();
    }

    /// <summary>How many grades apply the item now: those a change or delete of it re-scores (a score that comes out the same is not counted then).</summary>
    public async Task<long> AppliedCountAsync(string course, Guid itemId, CancellationToken cancellationToken)
    {
        await using var command = Create(dataSource, """
            select count(*) as applied from manual_grades g join submissions s on s.id = g.submission_id
            where g.rubric_item_ids @> array[$1] and s.course = $2
            """, itemId, course);
        return (await SqlCommands.ListAsync(command, reader => reader.Get<long>("applied"), cancellationToken)).Single();
    }

    /// <summary>Changes an item (label, points, description) and re-scores every grade that applied it.</summary>
    /// <returns>null when the course has no such item.</returns>
    public async Task<RubricChange?> UpdateAsync(string course, Guid itemId, string label, double points, string description, Guid byKey,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = Create(connection, transaction, $"""
            update rubric_items set label = $3, points = $4, description = $5 where id = $1 and course = $2 returning {Columns}
            """, itemId, course, label, points, description);
        if ((await SqlCommands.ListAsync(update, Read, cancellationToken)).SingleOrDefault() is not { } item)
        {
            return null;
        }

        var rescored = await RubricRescore.RunAsync(connection, transaction, itemId, byKey, clock.GetUtcNow(), eventSources, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RubricChange(item, rescored);
    }

    /// <summary>Deletes an item: the grades that applied it lose it and are re-scored.</summary>
    /// <returns>null when the course has no such item.</returns>
    public async Task<RubricChange?> DeleteAsync(string course, Guid itemId, Guid byKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await ExecuteAsync(connection, transaction, "delete from rubric_items where id = $1 and course = $2",
            cancellationToken, itemId, course);
        if (deleted == 0)
        {
            return null;
        }

        var rescored = await RubricRescore.RunAsync(connection, transaction, itemId, byKey, clock.GetUtcNow(), eventSources, cancellationToken);
        await ExecuteAsync(connection, transaction,
            "update manual_grades set rubric_item_ids = array_remove(rubric_item_ids, $1) where rubric_item_ids @> array[$1]",
            cancellationToken, itemId);
        await transaction.CommitAsync(cancellationToken);
        return new RubricChange(null, rescored);
    }

    private static StoredRubricItem Read(NpgsqlDataReader reader) => new(
        reader.Get<Guid>("id"), reader.Get<string>("course"), reader.Get<string>("problem_id"), reader.Get<string>("part_id"),
        reader.Get<string>("label"), reader.Get<double>("points"), reader.Get<string>("description"), reader.Get<int>("position"),
        reader.Get<bool>("from_file"));
}
