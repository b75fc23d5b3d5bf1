using Grader.Data.Entities;

namespace Grader.Data.Passback;

/// <summary>The event types an LMS receives, as stored in <c>grade_events.type</c> and sent in the body.</summary>
public static class GradeEventTypes
{
    public const string Graded = "submission.graded";
    public const string Regraded = "submission.regraded";
    public const string Failed = "submission.failed";
}

/// <summary>The states of a delivery: <c>pending</c> (due or retrying), <c>delivered</c>, <c>dead</c> (given up).</summary>
public static class GradeEventStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";

    public static bool IsKnown(string state) => state is Pending or Delivered or Dead;
}

/// <summary>A claimed event with what its body says: the submission, and the result it announces (null for a failure).</summary>
public sealed record ClaimedGradeEvent(
    long Seq,
    Guid Id,
    string Type,
    DateTimeOffset OccurredAt,
    int Revision,
    int Attempts,
    SubmissionIdentity Submission,
    double? Score,
    double? MaxScore,
    string? Parts);

/// <summary>One delivery as the admin list shows it.</summary>
public sealed record GradeEventDelivery(
    long Seq,
    Guid Id,
    string Source,
    Guid SubmissionId,
    string Type,
    int Revision,
    string State,
    int Attempts,
    DateTimeOffset OccurredAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    string? LastError,
    DateTimeOffset? DeliveredAt);

/// <summary>The admin list's filter; null fields do not filter. Newest first, keyset-paged on <c>seq</c>.</summary>
public sealed record GradeEventFilter(string? State, string? Source, Guid? SubmissionId, long? BeforeSeq, int Limit);

/// <summary>The undelivered backlog: pending events and the age of the oldest.</summary>
public sealed record GradeEventBacklog(long Pending, long Dead, TimeSpan? OldestPendingAge);
