using Grader.Data.Passback;
using Grader.Data.Sql;
using Npgsql;
using static Grader.Data.Sql.SqlCommands;

namespace Grader.Data.Manual;

/// <summary>Re-scores, inside the caller's transaction, every manual grade that applied one rubric item, from the items as they are now.</summary>
internal static class RubricRescore
{
    /// <returns>How many grades changed score (each got a new result revision, and a <c>submission.regraded</c> event).</returns>
    public static async Task<int> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid itemId, Guid byKey,
        DateTimeOffset now, GradeEventSources eventSources, CancellationToken cancellationToken)
    {
        // The submissions first, then their grades read under those locks: a grade committed meanwhile is re-scored as it is now.
        await using (var affected = Create(connection, transaction,
                         "select submission_id from manual_grades where rubric_item_ids @> array[$1]", itemId))
        {
            var ids = await SqlCommands.ListAsync(affected, reader => reader.Get<Guid>("submission_id"), cancellationToken);
            await ManualRevisions.LockAsync(connection, transaction, ids.Distinct().ToList(), cancellationToken);
        }

        // Items that no longer exist (the deleted one) add nothing to the sum. Written in the order of summary_best's key
        // (migration 0016): each write offers its key's row there, and a regrade batch offers its keys in one statement in
        // that order; in submission-id order the two could take two keys crosswise and deadlock
        // (RescoreRegradeLockOrderTests). The submissions themselves are already locked above, in id order, as the batch does.
        await using var read = Create(connection, transaction, """
            select g.submission_id, g.part_id, g.points, g.max_points, g.adjustment, g.comment,
                   coalesce((select array_agg(i.points) from rubric_items i where i.id = any (g.rubric_item_ids)), '{}') as item_points
            from manual_grades g join submissions s on s.id = g.submission_id
            where g.rubric_item_ids @> array[$1]
            order by s.course, s.assignment, s.student_id, s.problem_id, g.submission_id
            """, itemId);
        var grades = await SqlCommands.ListAsync(read, reader => (
            Submission: reader.Get<Guid>("submission_id"), Part: reader.Get<string>("part_id"), Points: reader.Get<double>("points"),
            Max: reader.Get<double>("max_points"), Adjustment: reader.Value<double>("adjustment"), Comment: reader.Get<string>("comment"),
            ItemPoints: reader.Get<double[]>("item_points")), cancellationToken);
        var changed = grades
            .Select(g => (Grade: g, NewPoints: ManualScore.FromRubric(g.ItemPoints, g.Adjustment, g.Max)))
            .Where(g => Math.Abs(g.NewPoints - g.Grade.Points) > 1e-9)
            .ToList();
        if (changed.Count == 0)
        {
            return 0;
        }

        var name = await ManualRevisions.KeyNameAsync(connection, transaction, byKey, cancellationToken);
        var count = 0;
        var announced = new List<Guid>();
        foreach (var (grade, points) in changed)
        {
            if (await ManualRevisions.WriteAsync(connection, transaction, grade.Submission, grade.Part, points, grade.Comment, byKey, name, now,
                    cancellationToken) is not { } revision)
            {
                continue;
            }

            var resultId = revision.ResultId;
            if (revision.ScoreChanged)
            {
                announced.Add(resultId);
            }

            await ExecuteAsync(connection, transaction, """
                update manual_grades set points = $3, graded_by_key = $4, graded_by_name = $5, graded_at = $6, result_id = $7
                where submission_id = $1 and part_id = $2
                """, cancellationToken, grade.Submission, grade.Part, points, byKey, name, now, resultId);
            count++;
        }

        // One event per re-scored submission, in the change's transaction: a rubric edit reaches the LMS as each grade it changed.
        await GradeEventWrites.ForResultsAsync(connection, transaction, eventSources, announced, GradeEventTypes.Regraded, cancellationToken);
        return count;
    }
}
