using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Queries;

/// <summary>Groups the rows of a gradebook query (one per student and problem, by student) into a row per student.</summary>
internal static class GradebookRowReader
{
    /// <summary>Rows grouped per student as the SQL orders them; a (limit + 1)-th student only says another page follows.</summary>
    public static async Task<(List<GradebookRow> Rows, bool HasMore)> ReadAsync(NpgsqlCommand command, int limit, CancellationToken cancellationToken)
    {
        var rows = new List<GradebookRow>();
        string? student = null;
        Dictionary<string, double> scores = new(StringComparer.Ordinal);
        Dictionary<string, Guid> submissions = new(StringComparer.Ordinal);
        var hasMore = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var next = reader.Get<string>("student_id");
                if (next != student)
                {
                    if (student is not null)
                    {
                        rows.Add(new GradebookRow(student, scores, scores.Values.Sum()) { SubmissionIds = submissions });
                    }

                    if (rows.Count == limit)
                    {
                        hasMore = true; // the (limit + 1)-th student only says there is another page
                        student = null;
                        break;
                    }

                    student = next;
                    scores = new Dictionary<string, double>(StringComparer.Ordinal);
                    submissions = new Dictionary<string, Guid>(StringComparer.Ordinal);
                }

                scores[reader.Get<string>("problem_id")] = reader.Get<double>("score");
                submissions[reader.Get<string>("problem_id")] = reader.Get<Guid>("submission_id");
            }
        }

        if (student is not null)
        {
            rows.Add(new GradebookRow(student, scores, scores.Values.Sum()) { SubmissionIds = submissions });
        }

        return (rows, hasMore);
    }
}
