using Grader.Data.Queries;

namespace Grader.Api.Queries;

/// <summary>
/// One page of an assignment's gradebook: a row per student with the counted score per problem and the total.
/// <see cref="Problems"/> are every problem of the assignment (the same columns on every page).
/// </summary>
public sealed record Gradebook(
    string Course,
    string Assignment,
    string Policy,
    IReadOnlyList<string> Problems,
    IReadOnlyList<GradebookRow> Students,
    string? NextCursor)
{
    /// <summary>The column the students are ordered by over the whole gradebook: student, total or a problem id.</summary>
    public string Sort { get; init; } = GradebookOrder.Student;

    /// <summary>asc or desc.</summary>
    public string Order { get; init; } = "asc";

    public static Gradebook From(string course, string assignment, GradebookPolicy policy, GradebookPage page, GradebookOrder? order = null)
    {
        order ??= GradebookOrder.ByStudent;
        var next = page.NextPosition is { } position ? GradebookCursor.Seal(order, position)
            : page.ContinueAfter is { } student ? PageCursor.Seal(student)
            : null;
        return new Gradebook(course, assignment, policy.ToString().ToLowerInvariant(), page.Problems, page.Rows, next)
        {
            Sort = order.Column,
            Order = order.Descending ? "desc" : "asc",
        };
    }
}
