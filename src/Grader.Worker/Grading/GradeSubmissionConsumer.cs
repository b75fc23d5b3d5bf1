using Grader.Contracts;
using MassTransit;

namespace Grader.Worker.Grading;

/// <summary>Grades one submission, then announces the committed grade. The message is acknowledged after both.</summary>
public sealed class GradeSubmissionConsumer(SubmissionGrader grader, ILogger<GradeSubmissionConsumer> logger)
    : IConsumer<GradeSubmission>
{
    public async Task Consume(ConsumeContext<GradeSubmission> context)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["SubmissionId"] = context.Message.SubmissionId });
        var graded = await grader.GradeAsync(context.Message.SubmissionId, context.CancellationToken);
        if (graded is not null)
        {
            await context.Publish(graded, context.CancellationToken);
        }
    }
}
