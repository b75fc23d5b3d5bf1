namespace Grader.Data.Regrades;

/// <summary>
/// A regrade to plan: which graded submissions (every filter optional, all must hold), why, and against which catalog
/// versions (<paramref name="PlannedVersions"/>: problem id → version, what "current" means for the filter).
/// </summary>
public sealed record RegradePlan(
    Guid Id,
    string? Course,
    string? Assignment,
    string? ProblemId,
    bool GradedWithVersionOtherThanCurrent,
    DateTimeOffset? SubmittedBefore,
    string Reason,
    bool DryRun,
    IReadOnlyDictionary<string, string> PlannedVersions,
    DateTimeOffset CreatedAt);

/// <summary>How many submissions a plan took, in how many batches (numbered from 0).</summary>
public sealed record PlannedRegrade(int Total, int Batches);
