using Grader.Data.Entities;

namespace Grader.Data.Regrades;

/// <summary>A submission of a regrade batch with the grade that counts now (null fields: it has none).</summary>
public sealed record StoredGrade(
    SubmissionIdentity Submission,
    string Answers,
    double? Score,
    double? MaxScore,
    string? ProblemVersion,
    string? Parts,
    int LastRevision)
{
    public Guid SubmissionId => Submission.Id;

    public string ProblemId => Submission.ProblemId;
}
