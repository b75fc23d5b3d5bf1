using Grader.Data.Entities;

namespace Grader.Data.Regrades;

/// <summary>Which batch of which job.</summary>
public readonly record struct RegradeBatchKey(Guid JobId, int BatchNumber);

/// <summary>The locked batch's state with its job's state and mode.</summary>
public sealed record BatchClaim(RegradeBatchState BatchState, RegradeJobState JobState, bool DryRun);

/// <summary>What one submission's regrade came to, as <c>regrade_items</c> records it.</summary>
public sealed record RegradeItemOutcome(
    Guid SubmissionId,
    RegradeOutcome Outcome,
    double? OldScore,
    double? NewScore,
    double? MaxScore,
    string? OldVersion,
    string? NewVersion,
    IReadOnlyList<PartFlip> Flips,
    string? Error);
