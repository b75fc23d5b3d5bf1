using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Lti;

/// <summary>
/// Queues AGS Score posts inside the caller's transaction, beside the webhook events (<c>GradeEventWrites</c> calls this),
/// so every path that announces a score change also posts it to the LMS gradebook. A result is posted when its source has
/// a platform and its submission has a line item: its own (named in the webhook body) or its assignment's mapped one.
/// </summary>
internal static class LtiScoreWrites
{
    /// <summary>
    /// $1 result ids. The user is the submission's LTI user id, or its studentId when it named none; the progress is
    /// PendingManual while a manual part waits for staff (status <c>manual</c>); the timestamp is the revision's time.
    /// </summary>
    private const string ForResultsSql = """
        insert into lti_score_posts (id, source, submission_id, result_id, revision, line_item_url, user_id, score_given, score_maximum,
                                     grading_progress, score_timestamp, next_attempt_at, retry_from)
        select gen_random_uuid(), s.source, s.id, r.id, r.revision, coalesce(s.lti_line_item, m.line_item_url),
               coalesce(s.lti_user_id, s.student_id), r.score, r.max_score,
               case when exists (select 1 from jsonb_array_elements(r.parts) part where part->>'status' = 'manual')
                    then 'PendingManual' else 'FullyGraded' end,
               r.graded_at, now(), now()
        from results r
        join submissions s on s.id = r.submission_id
        join lti_platforms p on p.source = s.source
        left join lti_line_item_maps m on m.source = s.source and m.course = s.course and m.assignment = s.assignment
        where r.id = any($1) and coalesce(s.lti_line_item, m.line_item_url) is not null
        order by r.submission_id, r.revision
        """;

    /// <summary>The insert for <paramref name="resultIds"/>, to run in the caller's batch beside the webhook events.</summary>
    public static NpgsqlBatchCommand ForResults(Guid[] resultIds) => new(ForResultsSql) { Parameters = { new() { Value = resultIds } } };
}
