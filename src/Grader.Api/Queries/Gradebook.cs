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
    public static Gradebook From(string course, string assignment, GradebookPolicy policy, GradebookPage page) => new(
        course, assignment, policy.ToString().ToLowerInvariant(), page.Problems, page.Rows,
        page.ContinueAfter is { } student ? PageCursor.Seal(student) : null);
}
