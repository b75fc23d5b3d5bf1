namespace Grader.Data.Passback;

/// <summary>
/// The SQL that stores outgoing events, run inside the caller's transaction (the grade's, the failure's or the regrade
/// batch's), for sources that have a callback only. Event ids are random; the retry window starts at the insert.
/// </summary>
internal static class GradeEventInserts
{
    /// <summary>$1 result ids, $2 sources with a callback, $3 the event type. One event per result of such a source.</summary>
    public const string ForResults = """
        insert into grade_events (id, source, submission_id, result_id, revision, type, occurred_at, next_attempt_at, retry_from)
        select gen_random_uuid(), s.source, r.submission_id, r.id, r.revision, $3, r.graded_at, now(), now()
        from results r join submissions s on s.id = r.submission_id
        where r.id = any($1) and s.source = any($2)
        order by r.submission_id, r.revision
        """;

    /// <summary>
    /// $1 submission id, $2 sources with a callback. Numbered with the submission's latest revision (0: none); once per
    /// revision, since a failure recorded again (a redelivered message) is no change for the LMS.
    /// </summary>
    public const string ForFailure = """
        insert into grade_events (id, source, submission_id, result_id, revision, type, occurred_at, next_attempt_at, retry_from)
        select gen_random_uuid(), s.source, s.id, null, v.revision, 'submission.failed', now(), now(), now()
        from submissions s
        cross join lateral (select coalesce(max(r.revision), 0) as revision from results r where r.submission_id = s.id) v
        where s.id = $1 and s.source = any($2)
          and not exists (select 1 from grade_events e
                          where e.submission_id = s.id and e.type = 'submission.failed' and e.revision = v.revision)
        """;
}
