using System.Text.Json.Serialization;

namespace Grader.Data.Queries;

/// <summary>
/// One page of an assignment's gradebook: every problem of the assignment (the same columns on every page), a row per
/// student, and the last student of the page when another page follows.
/// </summary>
public sealed record GradebookPage(IReadOnlyList<string> Problems, IReadOnlyList<GradebookRow> Rows, string? ContinueAfter)
{
    /// <summary>Where a page of <see cref="GradebookQuery.RunSortedAsync"/> ended when another follows (its cursor), else null.</summary>
    public GradebookPosition? NextPosition { get; init; }
}

/// <summary>A student's counted score per problem (absent: no graded submission) and their sum.</summary>
public sealed record GradebookRow(string StudentId, IReadOnlyDictionary<string, double> Scores, double Total)
{
    /// <summary>
    /// The counted submission behind each score, for the staff gradebook page's links. Not part of the API's JSON (whose
    /// rows are these records): the gradebook endpoint's contract stays as documented.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, Guid> SubmissionIds { get; init; } = new Dictionary<string, Guid>(StringComparer.Ordinal);
}

/// <summary>Which graded submission of a student counts for a problem in the gradebook.</summary>
public enum GradebookPolicy
{
    Latest,
    Best,
}
