namespace Grader.Data.Manual;

/// <summary>Where an answer stands in the grading order of its part: oldest submission first, then by id.</summary>
public sealed record ManualAnswerPosition(DateTimeOffset SubmittedAt, Guid SubmissionId)
{
    public static ManualAnswerPosition Of(ManualAnswer answer) => new(answer.SubmittedAt, answer.SubmissionId);
}

/// <summary>A page of a part's answers in grading order; <see cref="Next"/> (after its last answer) is null on the last page.</summary>
public sealed record ManualAnswersPage(IReadOnlyList<ManualAnswer> Answers, ManualAnswerPosition? Next);
