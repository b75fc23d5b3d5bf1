using Grader.Data.Access;
using Grader.Data.Sql;
using Npgsql;
using static Grader.Data.Sql.SqlCommands;

namespace Grader.Data.Queries;

/// <summary>
/// The course of each of a list of submissions, for pages that list submissions without one (a regrade's changes and
/// failures) and link each to its course's submission page. Only courses inside the caller's scope are answered: a
/// submission of another course is absent, so no link to it (nor its course's name) reaches the page.
/// </summary>
public sealed class SubmissionCoursesQuery(NpgsqlDataSource dataSource)
{
    public async Task<Dictionary<Guid, string>> RunAsync(IReadOnlyCollection<Guid> submissionIds, CourseScope scope,
        CancellationToken cancellationToken)
    {
        if (submissionIds.Count == 0 || scope.Courses is { Count: 0 })
        {
            return [];
        }

        // $2 null: every course (an admin's scope).
        await using var command = Create(dataSource, """
            select id, course from submissions where id = any ($1) and ($2::text[] is null or course = any ($2))
            """, submissionIds.ToArray(), Typed(NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, scope.Courses?.ToArray()));
        var rows = await SqlCommands.ListAsync(command, reader => (Id: reader.Get<Guid>("id"), Course: reader.Get<string>("course")),
            cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Course);
    }
}
