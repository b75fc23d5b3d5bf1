namespace Grader.Grading.Judging;

/// <summary>A graded submission: the total and every part's result, with the problem version it was graded against.</summary>
public sealed record GradeReport(string ProblemId, string ProblemVersion, double Score, double MaxScore, IReadOnlyList<PartResult> Parts);
