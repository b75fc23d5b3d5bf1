using Grader.Data.Sql;

namespace Grader.Data.Queries;

/// <summary>
/// What one gradebook counts: an assignment (or one problem of it), the policy, and a window of submission times. Without
/// a window the counted score of every student and problem is kept by triggers (<c>summary_counted</c> for latest,
/// migration 0004; <c>summary_best</c> for best, 0016), and the gradebook reads those rows instead of the submissions.
/// </summary>
internal sealed record GradebookScope(
    string Course, string Assignment, string? ProblemId, GradebookPolicy Policy, DateTimeOffset? From, DateTimeOffset? To)
{
    public bool Windowed => From is not null || To is not null;

    /// <summary>Whether the best scores come from <c>summary_best</c>: one row per student and problem, not every submission.</summary>
    public bool BestFromAggregate => Policy == GradebookPolicy.Best && !Windowed;

    /// <summary>The scope's conditions; the window limits which submissions can count.</summary>
    public SqlFilter Filter() =>
        new SqlFilter()
            .Where("{s}course = @course", "course", Course)
            .Where("{s}assignment = @assignment", "assignment", Assignment)
            .WhereIf(ProblemId is not null, "{s}problem_id = @problem", "problem", ProblemId)
            .WhereIf(From is not null, "{s}effective_submitted_at >= @from", "from", From)
            .WhereIf(To is not null, "{s}effective_submitted_at < @to", "to", To);
}
