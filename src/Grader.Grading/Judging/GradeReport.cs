namespace Grader.Grading.Judging;

/// <summary>A graded submission: the total and every part's result, with the problem version it was graded against.</summary>
public sealed record GradeReport(string ProblemId, string ProblemVersion, double Score, double MaxScore, IReadOnlyList<PartResult> Parts)
{
    /// <summary>Answer keys that name no part of the problem (a typo such as "2x" for "2c"): reported, never graded.</summary>
    public IReadOnlyList<string> UnknownAnswers { get; init; } = [];
}
