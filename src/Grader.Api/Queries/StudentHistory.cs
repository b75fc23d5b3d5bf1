using Grader.Data.Queries;

namespace Grader.Api.Queries;

/// <summary>One page of a student's submissions in a course, newest first.</summary>
public sealed record StudentHistory(string Course, string StudentId, IReadOnlyList<StudentSubmission> Submissions, string? NextCursor)
{
    public static StudentHistory From(string course, string studentId, StudentHistoryPage page) =>
        new(course, studentId, page.Submissions, page.Next is { } next ? PageCursor.Seal(next) : null);
}
