namespace Grader.Data.Entities;

/// <summary>Life of a submission; stored as lower-case text (<c>queued</c>, <c>grading</c>, <c>graded</c>, <c>failed</c>).</summary>
public enum SubmissionStatus
{
    Queued,
    Grading,
    Graded,
    Failed,
}
