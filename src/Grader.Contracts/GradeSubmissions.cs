namespace Grader.Contracts;

/// <summary>
/// Command to a worker: grade the stored submissions with these ids, the ones one intake commit stored together. One
/// message instead of one <see cref="GradeSubmission"/> each spares the broker a persistent message, a confirm, a delivery
/// and an acknowledgement per submission; a worker grades them as it grades a batch of single commands.
/// </summary>
/// <remarks>A sender splits larger lists into messages of at most <see cref="MaxSubmissionIds"/>.</remarks>
public sealed record GradeSubmissions(IReadOnlyList<Guid> SubmissionIds)
{
    /// <summary>Most ids in one message (about 10 KB of JSON): the intake's default <c>Intake:MaxBatch</c>.</summary>
    public const int MaxSubmissionIds = 256;
}
