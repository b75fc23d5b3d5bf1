namespace Grader.Grading.Judging;

/// <summary>The judgement of one value (a whole part or one field of a values part) and the message explaining it.</summary>
internal readonly record struct Verdict(PartStatus Status, string Message, string? Tag = null)
{
    public bool IsCorrect => Status == PartStatus.Correct;

    public static Verdict Correct(string message = "Correct.") => new(PartStatus.Correct, message);

    public static Verdict Incorrect(string message, Mistake? mistake = null) =>
        new(PartStatus.Incorrect, mistake is null ? message : $"{message} {mistake.Message}", mistake?.Tag);

    public static Verdict Invalid(string message) => new(PartStatus.Invalid, message);

    public static Verdict Missing(string message) => new(PartStatus.Missing, message);
}
