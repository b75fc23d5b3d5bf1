using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>
/// The <c>failure_reason</c> stored for a submission that failed: each exception's type and message, then its inner
/// exception's after an arrow. The useful words are often in the inner one (EF wraps the PostgreSQL error). One wording
/// whichever path failed the submission: the fault consumer (from the fault's <see cref="ExceptionInfo"/>), or a
/// consumer that fails one submission of several and lets the others go on.
/// </summary>
public static class FailureReason
{
    public static string Of(Exception exception) => exception.InnerException is null
        ? $"{exception.GetType().FullName}: {exception.Message}"
        : $"{exception.GetType().FullName}: {exception.Message} -> {Of(exception.InnerException)}";

    public static string Of(ExceptionInfo exception) => exception.InnerException is null
        ? $"{exception.ExceptionType}: {exception.Message}"
        : $"{exception.ExceptionType}: {exception.Message} -> {Of(exception.InnerException)}";
}
