using System.Globalization;
using Grader.Data.Manual;

namespace Grader.Api.ManualGrading;

/// <summary>Turns a grade request into points: given points must lie in 0..max on the part's step; applied items are summed.</summary>
public static class ManualGradeDecision
{
    public static (double Points, Dictionary<string, string[]>? Errors) Decide(
        ManualGradeBody body, double maxPoints, double step, IReadOnlyList<StoredRubricItem> rubric)
    {
        if (body.RubricItemIds is { Count: > 0 } ids)
        {
            var known = rubric.ToDictionary(item => item.Id);
            var unknown = ids.Where(itemId => !known.ContainsKey(itemId)).ToList();
            if (unknown.Count > 0)
            {
                return (0, Error("rubricItemIds", $"Not items of this part's rubric: {string.Join(", ", unknown)}."));
            }

            return (ManualScore.FromRubric(ids.Select(itemId => known[itemId].Points), body.Adjustment, maxPoints), null);
        }

        var points = body.Points!.Value;
        if (!double.IsFinite(points) || points < 0 || points > maxPoints + 1e-9)
        {
            return (0, Error("points", $"points must be from 0 to {Format(maxPoints)}."));
        }
        if (!ManualScore.IsOnStep(points, step))
        {
            return (0, Error("points", $"points must be a multiple of {Format(step)}."));
        }

        return (ManualScore.Round(points), null);
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
