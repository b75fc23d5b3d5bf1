using Grader.Data.Entities;
using Grader.Data.Regrades;

namespace Grader.Worker.Regrading;

/// <summary>
/// The new grade of one stored submission next to its old one. <see cref="WritesRevision"/> decides history: a new
/// revision when anything a reader can see differs (version, score or a part), nothing when the grade is identical.
/// </summary>
internal sealed record Regrade(
    StoredGrade Old,
    RegradeOutcome Outcome,
    string? NewVersion,
    double? NewScore,
    double? NewMaxScore,
    IReadOnlyList<PartOutcome> NewParts,
    IReadOnlyList<PartFlip> Flips,
    double DurationMs,
    string? Error,
    string? NewVariant = null)
{
    public bool ScoreChanged => Outcome == RegradeOutcome.Changed;

    public bool WritesRevision => Outcome != RegradeOutcome.Failed && (ScoreChanged || Flips.Count > 0 || NewVersion != Old.ProblemVersion);

    /// <summary>What <c>regrade_items</c> records of it.</summary>
    public RegradeItemOutcome ItemOutcome => new(
        Old.SubmissionId, Outcome, Old.Score, NewScore, NewMaxScore ?? Old.MaxScore, Old.ProblemVersion, NewVersion, Flips, Error);

    public static Regrade Failure(StoredGrade old, string error) => new(old, RegradeOutcome.Failed, null, null, null, [], [], 0, error);

    public static Regrade Of(StoredGrade old, string version, double score, double maxScore, IReadOnlyList<PartOutcome> parts,
        double durationMs, string? variant = null)
    {
        var flips = FlipsBetween(old.Parts is null ? [] : PartOutcome.FromJson(old.Parts), parts);
        // Scores are rounded sums of part scores; a difference below this is float noise, not a new grade.
        var changed = old.Score is not { } oldScore || Math.Abs(oldScore - score) > 1e-9;
        return new Regrade(old, changed ? RegradeOutcome.Changed : RegradeOutcome.Unchanged, version, score, maxScore, parts, flips, durationMs, null,
            variant);
    }

    private static List<PartFlip> FlipsBetween(IReadOnlyList<PartOutcome> before, IReadOnlyList<PartOutcome> after)
    {
        var old = before.ToDictionary(p => p.PartId, StringComparer.Ordinal);
        var flips = new List<PartFlip>();
        foreach (var part in after)
        {
            if (!old.TryGetValue(part.PartId, out var was))
            {
                flips.Add(new PartFlip(part.PartId, "none", part.Status, 0, part.Score));
            }
            else if (was.Status != part.Status || Math.Abs(was.Score - part.Score) > 1e-9)
            {
                flips.Add(new PartFlip(part.PartId, was.Status, part.Status, was.Score, part.Score));
            }
        }

        return flips;
    }
}
