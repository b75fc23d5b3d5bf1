using System.Text.Json;
using Grader.Data.Entities;
using Grader.Data.Sql;
using Grader.Data.Variants;
using Npgsql;

namespace Grader.Data.Submissions;

/// <summary>One submission to claim: whether this delivery's start counts against the attempts limit.</summary>
public sealed record ClaimRequest(Guid SubmissionId, bool CountAttempt);

/// <summary>A claimed submission and the instructor's override of its student's variant, if one is stored.</summary>
public sealed record ClaimedSubmission(Submission Submission, StoredVariantOverride? Override);

/// <summary>
/// The claim of a batch of submissions: one statement marks them <c>grading</c> (in id order, so two batches sharing a
/// submission wait instead of deadlocking) and returns each with its variant override, so a randomized problem needs
/// no read of its own.
/// </summary>
internal static class BatchClaim
{
    /// <summary>$1 start time, $2 submission ids, $3 1 where the start counts as an attempt, else 0.</summary>
    public const string Sql = """
        with wanted as (select id, max(inc) as inc from unnest($2::uuid[], $3::int[]) as w (id, inc) group by id),
        locked as (select s.id, w.inc from submissions s join wanted w using (id) where s.status <> 'graded' order by s.id for update of s),
        claimed as (
            update submissions s set status = 'grading', grading_started_at = $1, attempts = s.attempts + locked.inc
            from locked where s.id = locked.id
            returning s.*)
        select c.*, o.seed as override_seed, o.parameter_values::text as override_values, o.reason as override_reason,
               o.set_by as override_set_by, o.set_at as override_set_at
        from claimed c
        left join variant_overrides o
            on o.course = c.course and o.assignment = c.assignment and o.problem_id = c.problem_id and o.student_id = c.student_id
        """;

    public static NpgsqlBatchCommand Command(IReadOnlyList<ClaimRequest> requests, DateTimeOffset startedAt) => new(Sql)
    {
        Parameters =
        {
            new() { Value = startedAt },
            new() { Value = requests.Select(r => r.SubmissionId).ToArray() },
            new() { Value = requests.Select(r => r.CountAttempt ? 1 : 0).ToArray() },
        },
    };

    public static ClaimedSubmission Read(NpgsqlDataReader reader)
    {
        var submission = SubmissionRows.Read(reader);
        var setBy = reader.Text("override_set_by");
        var stored = setBy is null
            ? null
            : new StoredVariantOverride(
                new VariantOverrideKey(submission.Course, submission.Assignment, submission.ProblemId, submission.StudentId),
                reader.Value<decimal>("override_seed") is { } seed ? (ulong)seed : null,
                reader.Text("override_values") is { } values ? JsonSerializer.Deserialize<Dictionary<string, double>>(values) : null,
                reader.Get<string>("override_reason"), setBy, reader.Get<DateTimeOffset>("override_set_at"));
        return new ClaimedSubmission(submission, stored);
    }
}
