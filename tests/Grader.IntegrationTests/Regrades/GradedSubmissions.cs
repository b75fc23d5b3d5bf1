using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Regrades;

/// <summary>
/// Stores graded cs189-dis4 submissions directly in SQL, as if graded long ago against an older version of the problem,
/// so a regrade test has thousands of them in a second.
/// </summary>
internal static class GradedSubmissions
{
    public const string OldVersion = "0000000000000000";

    public static async Task SeedAsync(ServiceStack stack, int count)
    {
        await using var command = stack.Db.CreateCommand($$$"""
            insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers,
                                     submitted_at, received_at, status, enqueued_at, graded_at, attempts)
            select gen_random_uuid(), 'seed', 'seed-' || n, 'cs189', 'dis4', 'cs189-dis4', 'student-' || n,
                   '{"3b": 233, "1d": {"q": 3, "f": -12}}', now() - interval '1 day', now() - interval '1 day', 'graded',
                   now() - interval '1 day', now() - interval '1 day', 1
            from generate_series(1, {{{count}}}) n;
            insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
            select gen_random_uuid(), id, 1, '{{{OldVersion}}}', 0, 14, '[]', now() - interval '1 day', 0, 'seed'
            from submissions where source = 'seed';
            update submissions s set current_result_id = r.id from results r where r.submission_id = s.id and s.source = 'seed';
            """);
        await command.ExecuteNonQueryAsync();
    }
}
