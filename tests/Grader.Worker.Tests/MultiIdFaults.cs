using Grader.Contracts;
using MassTransit;
using MassTransit.Testing;

namespace Grader.Worker.Tests;

/// <summary>What the multi-id message tests publish and read on the harness.</summary>
public static class MultiIdFaults
{
    /// <summary>A fault as MassTransit publishes it for a message whose consumer threw an error no retry fixes.</summary>
    public static object Broken(IReadOnlyList<Guid> ids) => new
    {
        FaultId = Guid.NewGuid(),
        Timestamp = DateTime.UtcNow,
        Message = new GradeSubmissions(ids),
        FaultMessageTypes = new[] { MessageUrn.ForTypeString<GradeSubmissions>() },
        Exceptions = new ExceptionInfo[] { new MassTransit.Events.FaultExceptionInfo(new InvalidOperationException("broken on purpose")) },
    };

    /// <summary>The submissions announced graded, in the order they were published.</summary>
    public static List<Guid> AnnouncedIds(this ITestHarness harness) =>
        [.. harness.Published.Select<SubmissionGraded>().Select(p => p.Context.Message.SubmissionId)];
}
