namespace Grader.Api.Queries;

/// <summary>One page of a student's submissions in a course, newest first.</summary>
public sealed record StudentHistory(string Course, string StudentId, IReadOnlyList<StudentSubmission> Submissions, string? NextCursor);

/// <summary>A submission in a student's history with its current score (null until graded).</summary>
public sealed record StudentSubmission(
    Guid Id,
    string Assignment,
    string ProblemId,
    string Status,
    double? Score,
    double? MaxScore,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? GradedAt);

/// <summary>Where the next page of a history starts: after this (time, id) in newest-first order.</summary>
public sealed record HistoryPosition(DateTimeOffset SubmittedAt, Guid Id)
{
    public string Seal() => PageCursor.Seal(FormattableString.Invariant($"{SubmittedAt.UtcTicks}|{Id:N}"));

    public static HistoryPosition? TryOpen(string payload)
    {
        var parts = payload.Split('|');
        return parts.Length == 2
               && long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
                   out var ticks)
               && ticks <= DateTimeOffset.MaxValue.UtcTicks
               && Guid.TryParseExact(parts[1], "N", out var id)
            ? new HistoryPosition(new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }
}
