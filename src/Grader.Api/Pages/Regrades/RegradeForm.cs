using System.Globalization;
using Grader.Api.Access;
using Grader.Api.Regrades;

namespace Grader.Api.Pages.Regrades;

/// <summary>
/// The start-a-regrade form: the fields of <c>POST /api/v1/regrades</c> as text. It names its course, so the pages' course
/// scoping refuses another course (404) before the handler runs; the API's validator judges the rest.
/// </summary>
public sealed class RegradeForm : INamesCourse
{
    public string? Course { get; set; }
    public string? Assignment { get; set; }
    public string? ProblemId { get; set; }
    public bool GradedWithVersionOtherThanCurrent { get; set; }

    /// <summary>A <c>datetime-local</c> value, read as UTC.</summary>
    public string? SubmittedBefore { get; set; }

    public string? Reason { get; set; }

    public RegradeRequestInput ToInput(bool dryRun)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateTimeOffset? before = null;
        if (!string.IsNullOrWhiteSpace(SubmittedBefore))
        {
            if (DateTimeOffset.TryParse(SubmittedBefore, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                before = parsed;
            }
            else
            {
                errors["submittedBefore"] = ["Submitted before must be a date and time such as 2026-12-01T09:00 (UTC)."];
            }
        }

        return new RegradeRequestInput
        {
            Course = Blank(Course), Assignment = Blank(Assignment), ProblemId = Blank(ProblemId),
            GradedWithVersionOtherThanCurrent = GradedWithVersionOtherThanCurrent, SubmittedBefore = before,
            Reason = Blank(Reason), DryRun = dryRun, ShapeErrors = errors,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
