using Grader.Data.Entities;

namespace Grader.Data.Manual;

/// <summary>
/// What an automatic regrade keeps: a manual part the grader still reports as <c>manual</c> (it never scores those) keeps
/// the staff's outcome from the revision it replaces, its score clamped to the part's points now.
/// </summary>
public static class ManualCarry
{
    public static (IReadOnlyList<PartOutcome> Parts, double Score, double MaxScore) Keep(
        string? oldParts, IReadOnlyList<PartOutcome> newParts, double score, double maxScore)
    {
        if (oldParts is null)
        {
            return (newParts, score, maxScore);
        }

        var graded = PartOutcome.FromJson(oldParts).Where(p => p.Status != "manual").ToDictionary(p => p.PartId, StringComparer.Ordinal);
        var parts = new List<PartOutcome>(newParts.Count);
        foreach (var part in newParts)
        {
            if (part.Status == "manual" && graded.TryGetValue(part.PartId, out var staff))
            {
                var points = Math.Min(staff.Score, part.MaxScore);
                parts.Add(staff with { Status = ManualScore.Status(points, part.MaxScore), Score = points, MaxScore = part.MaxScore });
                score += points;
                maxScore += part.MaxScore;
            }
            else
            {
                parts.Add(part);
            }
        }

        return (parts, ManualScore.Round(score), ManualScore.Round(maxScore));
    }
}
