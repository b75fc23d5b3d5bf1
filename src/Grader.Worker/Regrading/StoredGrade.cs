namespace Grader.Worker.Regrading;

/// <summary>A submission of a regrade batch with the grade that counts now (null fields: it has none).</summary>
internal sealed record StoredGrade(
    Guid SubmissionId,
    string ProblemId,
    string Answers,
    string Source,
    string ExternalId,
    string Course,
    string Assignment,
    string StudentId,
    double? Score,
    double? MaxScore,
    string? ProblemVersion,
    string? Parts,
    int LastRevision);
