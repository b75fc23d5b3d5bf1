namespace Grader.Contracts;

/// <summary>Command to a worker: grade the stored submission with this id (PostgreSQL holds the truth).</summary>
public sealed record GradeSubmission(Guid SubmissionId);
