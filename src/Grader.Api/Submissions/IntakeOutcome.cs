namespace Grader.Api.Submissions;

/// <summary>
/// What group commit answers one delivery once its insert is committed: whether its row is new, and for a new one the
/// send of its batch (bounded, never throwing; false leaves it to the sweeper).
/// </summary>
public sealed record IntakeOutcome(bool Created, Task<bool> Sent)
{
    public static IntakeOutcome Repeat { get; } = new(false, Task.FromResult(false));
}
