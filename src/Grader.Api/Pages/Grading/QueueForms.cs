using System.Globalization;
using Grader.Api.ManualGrading;

namespace Grader.Api.Pages.Grading;

/// <summary>
/// The grade form of the queue page: applied rubric items (checkboxes), points when no item is applied, an adjustment that
/// goes with items, and a comment. Numbers arrive as the browser's invariant text and are read as such.
/// </summary>
public sealed class GradeForm
{
    public List<Guid> Items { get; set; } = [];
    public string? Points { get; set; }
    public string? Adjustment { get; set; }
    public string? Comment { get; set; }

    /// <summary>The API's grade body: applied items decide the points (the typed points are then ignored), else the points.</summary>
    public (ManualGradeBody? Body, string? Error) ToBody()
    {
        if (Items.Count > 0)
        {
            var (adjustment, error) = Number(Adjustment, "Adjustment");
            return error is not null ? (null, error) : (new ManualGradeBody(null, Items, adjustment, Comment), null);
        }

        if (!string.IsNullOrWhiteSpace(Adjustment))
        {
            return (null, "An adjustment goes with rubric items: apply an item, or give the points alone.");
        }

        var (points, pointsError) = Number(Points, "Points");
        return pointsError is not null ? (null, pointsError)
            : points is null ? (null, "Give points, or apply rubric items.")
            : (new ManualGradeBody(points, null, null, Comment), null);
    }

    private static (double? Value, string? Error) Number(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? (null, null)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? (value, null)
        : (null, $"{name} must be a number such as 0.5.");
}

/// <summary>A rubric item as the queue page adds or changes it.</summary>
public sealed class RubricItemForm
{
    public string? Label { get; set; }
    public string? Points { get; set; }
    public string? Description { get; set; }

    public RubricItemBody ToBody() => new(Label, double.TryParse(Points, NumberStyles.Float, CultureInfo.InvariantCulture, out var points)
        ? points
        : null, Description);
}
