namespace Grader.Contracts;

/// <summary>Command to a worker: regrade batch <paramref name="BatchNumber"/> of a planned regrade job (PostgreSQL lists its submissions).</summary>
public sealed record RegradeBatch(Guid JobId, int BatchNumber);
