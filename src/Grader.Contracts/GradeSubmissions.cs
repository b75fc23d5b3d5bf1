namespace Grader.Contracts;

/// <summary>
/// Command to a worker: grade the stored submissions with these ids, the ones one intake commit stored together (or one
/// sweep found unfinished). One message instead of one <see cref="GradeSubmission"/> each spares the broker a persistent
/// message, a confirm, a delivery and an acknowledgement per submission; a worker grades them as it grades a batch of
/// single commands.
/// </summary>
/// <remarks>Senders split larger lists with <see cref="Split"/>, into messages of at most <see cref="MaxSubmissionIds"/>.</remarks>
public sealed record GradeSubmissions(IReadOnlyList<Guid> SubmissionIds)
{
    /// <summary>Most ids in one message (about 10 KB of JSON): the intake's default <c>Intake:MaxBatch</c>.</summary>
    public const int MaxSubmissionIds = 256;

    /// <summary>The messages that name <paramref name="submissionIds"/>, in order, at most <see cref="MaxSubmissionIds"/> each.</summary>
    public static IEnumerable<GradeSubmissions> Split(IEnumerable<Guid> submissionIds) =>
        submissionIds.Chunk(MaxSubmissionIds).Select(ids => new GradeSubmissions(ids));
}
