using Grader.Data.Passback;
using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;
using static Grader.Data.Sql.SqlCommands;

namespace Grader.Data.Manual;

/// <summary>
/// Stores a manual grade: a new result revision, the grade's record and, when the score changed, a
/// <c>submission.regraded</c> event for the LMS, in one transaction under the submission's lock.
/// </summary>
public sealed class ManualGradeStore(NpgsqlDataSource dataSource, TimeProvider clock, GradeEventSources eventSources)
{
    /// <summary>With rubric items applied, the points are summed again from the items as committed under their locks.</summary>
    /// <returns>false when the course has no graded submission holding the part (nothing is written).</returns>
    public async Task<bool> GradeAsync(string course, ManualGradeInput grade, double maxPoints, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (grade.RubricItemIds.Count > 0)
        {
            // The items' points as committed, locked before the submission (the order a re-score takes them in): a change
            // of an item's points waits for this grade, then re-scores it; or this grade sees the changed points.
            await using var items = Create(connection, transaction,
                "select id, points from rubric_items where id = any($1) order by id for share", grade.RubricItemIds.ToArray());
            var points = await SqlCommands.ListAsync(items, reader => (Id: reader.Get<Guid>("id"), Points: reader.Get<double>("points")),
                cancellationToken);
            grade = grade with
            {
                RubricItemIds = points.Select(p => p.Id).ToList(),
                Points = ManualScore.FromRubric(points.Select(p => p.Points), grade.Adjustment, maxPoints),
            };
        }

        await using (var owned = Create(connection, transaction, "select course from submissions where id = $1 for update", grade.SubmissionId))
        {
            if (await owned.ExecuteScalarAsync(cancellationToken) as string != course)
            {
                return false;
            }
        }

        var now = clock.GetUtcNow();
        var name = await ManualRevisions.KeyNameAsync(connection, transaction, grade.GradedByKey, cancellationToken);
        if (await ManualRevisions.WriteAsync(connection, transaction, grade.SubmissionId, grade.PartId, grade.Points, grade.Comment,
                grade.GradedByKey, name, now, cancellationToken) is not { } revision)
        {
            return false;
        }

        var resultId = revision.ResultId;
        if (revision.ScoreChanged)
        {
            await GradeEventWrites.ForResultsAsync(connection, transaction, eventSources, [resultId], GradeEventTypes.Regraded,
                cancellationToken);
        }

        await ExecuteAsync(connection, transaction, """
            insert into manual_grades (submission_id, part_id, points, max_points, rubric_item_ids, adjustment, comment, graded_by_key,
                                       graded_by_name, graded_at, result_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            on conflict (submission_id, part_id) do update
                set points = excluded.points, max_points = excluded.max_points, rubric_item_ids = excluded.rubric_item_ids,
                    adjustment = excluded.adjustment, comment = excluded.comment, graded_by_key = excluded.graded_by_key,
                    graded_by_name = excluded.graded_by_name, graded_at = excluded.graded_at, result_id = excluded.result_id
            """, cancellationToken, grade.SubmissionId, grade.PartId, grade.Points, maxPoints, grade.RubricItemIds.ToArray(),
            Typed(NpgsqlDbType.Double, grade.Adjustment), grade.Comment, grade.GradedByKey, name, now, resultId);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
