namespace Grader.Contracts;

/// <summary>Event after a grade is committed, for LMS grade passback. Delivered at least once.</summary>
public sealed record SubmissionGraded(
    Guid SubmissionId,
    string Source,
    string ExternalId,
    string Course,
    string Assignment,
    string StudentId,
    string ProblemId,
    string ProblemVersion,
    double Score,
    double MaxScore,
    DateTimeOffset GradedAt);
