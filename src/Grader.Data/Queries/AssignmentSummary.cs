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

/// <summary>
/// How one part of one problem went across the counted submissions: its statuses, its most common wrong answers, and how
/// many counted submissions carry each misconception tag (most frequent first).
/// </summary>
public sealed record PartSummary(
    string ProblemId,
    string PartId,
    long Correct,
    long Partial,
    long Incorrect,
    long Invalid,
    long Missing,
    long Manual,
    IReadOnlyList<WrongAnswer> CommonWrongAnswers,
    IReadOnlyList<TagCount> Tags);

/// <summary>A normalised wrong (incorrect, partial or invalid) answer and how many counted submissions gave it; on a randomized
/// problem's numeric part, the pattern of the answer against each student's own reference ("negated", "f: ×2") instead.</summary>
public sealed record WrongAnswer(string Answer, long Count);

/// <summary>
/// A misconception tag (<c>sign</c>, <c>transpose</c>, <c>carried-forward</c>…) and how many counted submissions carry it on
/// the part; <see cref="Share"/> is that count over the part's counted submissions, whatever their status (the sum of
/// <see cref="PartSummary"/>'s six status counts), so 0.31 reads "31 % of the students counted made this slip here".
/// </summary>
public sealed record TagCount(string Tag, long Count, double Share);
