using System.Text.Json;
using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;
using static Grader.Data.Sql.SqlCommands;

namespace Grader.Data.Variants;

/// <summary>Whose variant an override replaces: one student of one course's assignment, on one problem.</summary>
public sealed record VariantOverrideKey(string Course, string Assignment, string ProblemId, string StudentId);

/// <summary>
/// A stored override: a seed, parameter values (on top of the seed's draw, or of the handout's numbers without a seed), or
/// neither (the handout's numbers); who set it, when and why.
/// </summary>
public sealed record StoredVariantOverride(
    VariantOverrideKey Key, ulong? Seed, IReadOnlyDictionary<string, double>? Values, string Reason, string SetBy, DateTimeOffset SetAt);

/// <summary>
/// The instructor overrides of students' variants (migration 0011). Read on every grade of a randomized problem, so a lookup
/// is one primary-key probe; a regrade batch reads its students' overrides in one statement.
/// </summary>
public sealed class VariantOverrideStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "course, assignment, problem_id, student_id, seed, parameter_values::text as parameter_values, reason, set_by, set_at";

    public async Task<StoredVariantOverride?> FindAsync(VariantOverrideKey key, CancellationToken cancellationToken)
    {
        await using var command = Create(dataSource, $"""
            select {Columns} from variant_overrides
            where course = $1 and assignment = $2 and problem_id = $3 and student_id = $4
            """, key.Course, key.Assignment, key.ProblemId, key.StudentId);
        return (await SqlCommands.ListAsync(command, Read, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The overrides among <paramref name="keys"/> (a regrade batch's students), in one statement.</summary>
    public async Task<Dictionary<VariantOverrideKey, StoredVariantOverride>> FindManyAsync(
        IReadOnlyCollection<VariantOverrideKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        await using var command = Create(dataSource, $"""
            select {Columns} from variant_overrides o
            join unnest($1::text[], $2::text[], $3::text[], $4::text[]) as k (course, assignment, problem_id, student_id)
                using (course, assignment, problem_id, student_id)
            """, keys.Select(k => k.Course).ToArray(), keys.Select(k => k.Assignment).ToArray(),
            keys.Select(k => k.ProblemId).ToArray(), keys.Select(k => k.StudentId).ToArray());
        return (await SqlCommands.ListAsync(command, Read, cancellationToken)).DistinctBy(o => o.Key).ToDictionary(o => o.Key);
    }

    /// <summary>A course's overrides, optionally of one assignment and problem, by assignment, problem and student.</summary>
    public async Task<List<StoredVariantOverride>> ListAsync(string course, string? assignment, string? problemId, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = Create(dataSource, $"""
            select {Columns} from variant_overrides
            where course = $1 and ($2::text is null or assignment = $2) and ($3::text is null or problem_id = $3)
            order by assignment, problem_id, student_id
            limit $4
            """, course, Typed(NpgsqlDbType.Text, assignment), Typed(NpgsqlDbType.Text, problemId), limit);
        return await SqlCommands.ListAsync(command, Read, cancellationToken);
    }

    /// <summary>Sets (or replaces) the student's override.</summary>
    public async Task<StoredVariantOverride> SetAsync(StoredVariantOverride choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        await using var command = Create(dataSource, $"""
            insert into variant_overrides (course, assignment, problem_id, student_id, seed, parameter_values, reason, set_by, set_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (course, assignment, problem_id, student_id) do update
                set seed = excluded.seed, parameter_values = excluded.parameter_values, reason = excluded.reason,
                    set_by = excluded.set_by, set_at = excluded.set_at
            returning {Columns}
            """, choice.Key.Course, choice.Key.Assignment, choice.Key.ProblemId, choice.Key.StudentId,
            Typed(NpgsqlDbType.Numeric, choice.Seed is { } seed ? (decimal)seed : null),
            Typed(NpgsqlDbType.Jsonb, choice.Values is null ? null : JsonSerializer.Serialize(choice.Values)),
            choice.Reason, choice.SetBy, choice.SetAt);
        return (await SqlCommands.ListAsync(command, Read, cancellationToken)).Single();
    }

    /// <returns>Whether there was an override to clear.</returns>
    public async Task<bool> ClearAsync(VariantOverrideKey key, CancellationToken cancellationToken)
    {
        await using var command = Create(dataSource, """
            delete from variant_overrides where course = $1 and assignment = $2 and problem_id = $3 and student_id = $4
            """, key.Course, key.Assignment, key.ProblemId, key.StudentId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static StoredVariantOverride Read(NpgsqlDataReader reader) => new(
        new VariantOverrideKey(reader.Get<string>("course"), reader.Get<string>("assignment"), reader.Get<string>("problem_id"),
            reader.Get<string>("student_id")),
        reader.Value<decimal>("seed") is { } seed ? (ulong)seed : null,
        reader.Text("parameter_values") is { } values ? JsonSerializer.Deserialize<Dictionary<string, double>>(values) : null,
        reader.Get<string>("reason"), reader.Get<string>("set_by"), reader.Get<DateTimeOffset>("set_at"));
}
