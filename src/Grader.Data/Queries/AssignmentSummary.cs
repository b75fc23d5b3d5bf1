namespace Grader.Data.Queries;

/// <summary>
/// An assignment at a glance. <see cref="ByStatus"/> counts every submission in the window; the scores count, for each
/// student and problem, the latest graded submission in the window (as the default gradebook does).
/// </summary>
public sealed record AssignmentSummary(
    string Course,
    string Assignment,
    string? ProblemId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    long Submissions,
    IReadOnlyDictionary<string, long> ByStatus,
    long Students,
    ScoreStatistics Score,
    ScoreStatistics Fraction,
    IReadOnlyList<long> Histogram,
    IReadOnlyList<PartSummary> Parts);

/// <summary>Mean, median and population standard deviation over students; null when no student has a graded submission.</summary>
public sealed record ScoreStatistics(double? Mean, double? Median, double? StandardDeviation);

/// <summary>How one part of one problem went across the counted submissions, and its most common wrong answers.</summary>
public sealed record PartSummary(
    string ProblemId,
    string PartId,
    long Correct,
    long Partial,
    long Incorrect,
    long Invalid,
    long Missing,
    long Manual,
    IReadOnlyList<WrongAnswer> CommonWrongAnswers);

/// <summary>A normalised wrong (incorrect, partial or invalid) answer and how many counted submissions gave it.</summary>
public sealed record WrongAnswer(string Answer, long Count);
