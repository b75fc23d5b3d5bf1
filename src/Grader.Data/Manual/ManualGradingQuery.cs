using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;
using static Grader.Data.Sql.SqlCommands;

namespace Grader.Data.Manual;

/// <summary>
/// What manual grading reads: counts per manual part, the answers to one part, one answer. A part is manual in a
/// submission's current result while its status is <c>manual</c> (ungraded) or it has a manual grade; a new submission
/// starts ungraded whatever the student's earlier ones got.
/// </summary>
public sealed class ManualGradingQuery(NpgsqlDataSource dataSource)
{
    private const string Answers = """
        select s.id, s.course, s.assignment, s.problem_id, s.student_id, s.effective_submitted_at, p.part ->> 'partId' as part_id,
               case jsonb_typeof(s.answers -> (p.part ->> 'partId')) when 'string' then s.answers ->> (p.part ->> 'partId')
                    else (s.answers -> (p.part ->> 'partId'))::text end as answer,
               p.part ->> 'status' as status, (p.part ->> 'score')::double precision as score,
               (p.part ->> 'maxScore')::double precision as max_score,
               g.points, g.max_points, g.rubric_item_ids, g.adjustment, g.comment, g.graded_by_key, g.graded_by_name, g.graded_at,
               g.result_id
        from submissions s
        join results r on r.id = s.current_result_id
        cross join lateral jsonb_array_elements(r.parts) p (part)
        left join manual_grades g on g.submission_id = s.id and g.part_id = p.part ->> 'partId'
        """;

    public async Task<List<ManualPartCount>> CountsAsync(string course, string assignment, CancellationToken cancellationToken)
    {
        // The counters of 0022, kept by triggers and striped over slots: at most 64 rows per part and state, whatever the
        // assignment's size. A part whose counts went back to 0 (its submissions deleted) is not listed.
        await using var command = Create(dataSource, """
            select problem_id, part_id, coalesce(sum(n) filter (where not graded), 0)::bigint as ungraded,
                   coalesce(sum(n) filter (where graded), 0)::bigint as graded
            from manual_part_slots
            where course = $1 and assignment = $2
            group by 1, 2
            having sum(n) > 0
            order by 1, 2
            """, course, assignment);
        return await SqlCommands.ListAsync(command, reader => new ManualPartCount(reader.Get<string>("problem_id"), reader.Get<string>("part_id"),
            reader.Get<long>("ungraded"), reader.Get<long>("graded")), cancellationToken);
    }

    /// <summary>
    /// Answers to one part, oldest submission first (the order a grader works through them), keyset-paged on
    /// (submitted at, id) along the submissions' own order: a page after <paramref name="after"/> is not shifted by grades
    /// given meanwhile, which move answers from the ungraded list to the graded one.
    /// </summary>
    public async Task<ManualAnswersPage> ListAsync(string course, string assignment, string problemId, string partId,
        ManualAnswerState state, ManualAnswerPosition? after, int limit, CancellationToken cancellationToken)
    {
        // Graded or ungraded answers walk their range of ix_manual_parts_queue (0022) in grading order, so the oldest
        // ungraded answer is found without reading the graded ones before it; all answers follow the submissions' order.
        var sql = state == ManualAnswerState.All
            ? $"""
              {Answers}
              where s.course = $1 and s.assignment = $2 and s.problem_id = $3 and s.status = 'graded' and p.part ->> 'partId' = $4
                and (p.part ->> 'status' = 'manual' or g.submission_id is not null)
                and $5 = 'all'
                and ($7 is null or (s.effective_submitted_at, s.id) > ($7, $8))
              order by s.effective_submitted_at, s.id
              limit $6
              """
            : $"""
              {Answers}
              join manual_parts m on m.submission_id = s.id and m.part_id = p.part ->> 'partId'
              where m.course = $1 and m.assignment = $2 and m.problem_id = $3 and m.part_id = $4 and m.graded = ($5 = 'graded')
                and s.status = 'graded'
                and ($7 is null or (m.effective_submitted_at, m.submission_id) > ($7, $8))
              order by m.effective_submitted_at, m.submission_id
              limit $6
              """;
        await using var command = Create(dataSource, sql, course, assignment, problemId, partId, state.ToString().ToLowerInvariant(), limit + 1,
            Typed(NpgsqlDbType.TimestampTz, after?.SubmittedAt), Typed(NpgsqlDbType.Uuid, after?.SubmissionId));
        var answers = await SqlCommands.ListAsync(command, Read, cancellationToken);
        ManualAnswerPosition? next = null;
        if (answers.Count > limit)
        {
            answers.RemoveAt(limit);
            next = ManualAnswerPosition.Of(answers[^1]);
        }

        return new ManualAnswersPage(answers, next);
    }

    /// <summary>
    /// The answer to the same part just before or after <paramref name="position"/> in the grading order, graded or not: the
    /// grading queue's previous and next.
    /// </summary>
    public async Task<ManualAnswer?> AdjacentAsync(string course, string assignment, string problemId, string partId,
        ManualAnswerPosition position, bool before, CancellationToken cancellationToken)
    {
        var (comparison, order) = before ? ("<", "desc") : (">", "asc");
        await using var command = Create(dataSource, $"""
            {Answers}
            where s.course = $1 and s.assignment = $2 and s.problem_id = $3 and s.status = 'graded' and p.part ->> 'partId' = $4
              and (p.part ->> 'status' = 'manual' or g.submission_id is not null)
              and (s.effective_submitted_at, s.id) {comparison} ($5, $6)
            order by s.effective_submitted_at {order}, s.id {order}
            limit 1
            """, course, assignment, problemId, partId, position.SubmittedAt, position.SubmissionId);
        return (await SqlCommands.ListAsync(command, Read, cancellationToken)).SingleOrDefault();
    }

    /// <returns>null when the course has no graded submission <paramref name="submissionId"/> with that part.</returns>
    public async Task<ManualAnswer?> FindAsync(string course, Guid submissionId, string partId, CancellationToken cancellationToken)
    {
        await using var command = Create(dataSource, $"""
            {Answers}
            where s.id = $1 and s.course = $2 and s.status = 'graded' and p.part ->> 'partId' = $3
            """, submissionId, course, partId);
        return (await SqlCommands.ListAsync(command, Read, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// The manual parts still waiting for a staff grade (status <c>manual</c> in the current result), in the result's part
    /// order, of each of <paramref name="submissionIds"/> in <paramref name="course"/>; a submission with none is absent.
    /// </summary>
    public async Task<Dictionary<Guid, string[]>> WaitingAsync(string course, IReadOnlyCollection<Guid> submissionIds,
        CancellationToken cancellationToken)
    {
        if (submissionIds.Count == 0)
        {
            return [];
        }

        // By primary key, a page of ids at a time: the history page adds this one read, not one per row.
        await using var command = Create(dataSource, """
            select s.id, array_agg(p.part ->> 'partId' order by p.position) as parts
            from submissions s
            join results r on r.id = s.current_result_id
            cross join lateral jsonb_array_elements(r.parts) with ordinality p (part, position)
            where s.id = any ($1) and s.course = $2 and s.status = 'graded' and p.part ->> 'status' = 'manual'
            group by s.id
            """, submissionIds.ToArray(), course);
        var rows = await SqlCommands.ListAsync(command, reader => (Id: reader.Get<Guid>("id"), Parts: reader.Get<string[]>("parts")),
            cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Parts);
    }

    private static ManualAnswer Read(NpgsqlDataReader reader) => new(
        reader.Get<Guid>("id"),
        reader.Get<string>("course"),
        reader.Get<string>("assignment"),
        reader.Get<string>("problem_id"),
        reader.Get<string>("student_id"),
        reader.Get<DateTimeOffset>("effective_submitted_at"),
        reader.Get<string>("part_id"),
        reader.Text("answer"),
        reader.Get<string>("status"),
        reader.Get<double>("score"),
        reader.Get<double>("max_score"),
        reader.Value<double>("points") is { } points
            ? new ManualGrade(points, reader.Get<double>("max_points"), reader.Get<Guid[]>("rubric_item_ids"), reader.Value<double>("adjustment"),
                reader.Get<string>("comment"), reader.Get<Guid>("graded_by_key"), reader.Get<string>("graded_by_name"),
                reader.Get<DateTimeOffset>("graded_at"), reader.Get<Guid>("result_id"))
            : null);
}
