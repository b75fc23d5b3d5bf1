namespace Grader.Grading.Judging;

/// <summary>The outcome of one part; serialised in lower case (<c>correct</c>, <c>partial</c>, …).</summary>
public enum PartStatus
{
    Correct,
    Partial,
    Incorrect,
    Invalid,
    Missing,
    Manual,
}
