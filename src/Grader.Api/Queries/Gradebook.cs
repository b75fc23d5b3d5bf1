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
    string? NextCursor);

/// <summary>A student's counted score per problem (absent: no graded submission) and their sum.</summary>
public sealed record GradebookRow(string StudentId, IReadOnlyDictionary<string, double> Scores, double Total);
