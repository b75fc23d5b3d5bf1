using Grader.Api.Access;

namespace Grader.Api.Regrades;

/// <summary>
/// The body of <c>POST /api/v1/regrades</c> as read, before validation: bound before the handler runs, so course scoping
/// sees the course it names and <see cref="RegradeRequestValidator"/> judges it with every other request.
/// </summary>
public sealed class RegradeRequestInput : INamesCourse
{
    public string? Course { get; init; }
    public string? Assignment { get; init; }
    public string? ProblemId { get; init; }
    public bool GradedWithVersionOtherThanCurrent { get; init; }
    public DateTimeOffset? SubmittedBefore { get; init; }
    public string? Reason { get; init; }
    public bool DryRun { get; init; }

    /// <summary>Fields that are not JSON of the right type (or a body that is no JSON object), by field name.</summary>
    public IReadOnlyDictionary<string, string[]> ShapeErrors { get; init; } = new Dictionary<string, string[]>();

    public static RegradeRequestInput Unreadable(Dictionary<string, string[]> errors) => new() { ShapeErrors = errors };

    /// <summary>The request, once validated.</summary>
    public RegradeRequest ToRequest() => new(Course, Assignment, ProblemId, GradedWithVersionOtherThanCurrent, SubmittedBefore,
        Reason ?? throw new InvalidOperationException("An unvalidated regrade request reached the handler."), DryRun);

    public static async ValueTask<RegradeRequestInput?> BindAsync(HttpContext context) =>
        await RegradeRequestReader.ReadAsync(context.Request.Body, context.RequestAborted);
}
