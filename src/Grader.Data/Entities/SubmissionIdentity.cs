namespace Grader.Data.Entities;

/// <summary>Who and what a submission is, without its answers: what a grade announcement names.</summary>
public sealed record SubmissionIdentity(
    Guid Id, string Source, string ExternalId, string Course, string Assignment, string StudentId, string ProblemId);

/// <summary>A committed grade of a submission, to announce after the commit (and again on a redelivery).</summary>
public sealed record CommittedGrade(SubmissionIdentity Submission, string ProblemVersion, double Score, double MaxScore, DateTimeOffset GradedAt)
{
    public static CommittedGrade Of(Submission submission, GradingResult result) => new(
        new SubmissionIdentity(submission.Id, submission.Source, submission.ExternalId, submission.Course, submission.Assignment,
            submission.StudentId, submission.ProblemId),
        result.ProblemVersion, result.Score, result.MaxScore, result.GradedAt);
}
