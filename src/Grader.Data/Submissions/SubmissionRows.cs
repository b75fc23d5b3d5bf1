using Grader.Data.Entities;
using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Submissions;

/// <summary>A <c>submissions</c> row read by column name from a plain Npgsql reader (a statement's <c>returning *</c>).</summary>
internal static class SubmissionRows
{
    public static Submission Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.Get<Guid>("id"),
        Source = reader.Get<string>("source"),
        ExternalId = reader.Get<string>("external_id"),
        Course = reader.Get<string>("course"),
        Assignment = reader.Get<string>("assignment"),
        ProblemId = reader.Get<string>("problem_id"),
        StudentId = reader.Get<string>("student_id"),
        Answers = reader.Get<string>("answers"),
        SubmittedAt = reader.Value<DateTimeOffset>("submitted_at"),
        ReceivedAt = reader.Get<DateTimeOffset>("received_at"),
        Status = StoredNames.Parse<SubmissionStatus>(reader.Get<string>("status")),
        EnqueuedAt = reader.Get<DateTimeOffset>("enqueued_at"),
        GradingStartedAt = reader.Value<DateTimeOffset>("grading_started_at"),
        GradedAt = reader.Value<DateTimeOffset>("graded_at"),
        Attempts = reader.Get<int>("attempts"),
        FailureReason = reader.Text("failure_reason"),
        CurrentResultId = reader.Value<Guid>("current_result_id"),
        LtiLineItem = reader.Text("lti_line_item"),
        LtiUserId = reader.Text("lti_user_id"),
    };
}
