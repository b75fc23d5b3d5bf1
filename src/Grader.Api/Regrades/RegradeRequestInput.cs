using System.Text.Json.Serialization;
using Grader.Api.Access;
using Grader.Data.Regrades;

namespace Grader.Api.Regrades;

/// <summary>
/// The body of <c>POST /api/v1/regrades</c>: which graded submissions to regrade (every filter optional, all must hold)
/// and why; <see cref="DryRun"/> computes the regrade and reports it without writing any result. Read before the handler
/// runs, so course scoping sees the course it names and <see cref="RegradeRequestValidator"/> judges it.
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
    [JsonIgnore]
    public IReadOnlyDictionary<string, string[]> ShapeErrors { get; init; } = new Dictionary<string, string[]>();

    public static RegradeRequestInput Unreadable(Dictionary<string, string[]> errors) => new() { ShapeErrors = errors };

    /// <summary>The job this validated request plans, against the catalog <paramref name="versions"/> current now.</summary>
    public RegradePlan ToPlan(IReadOnlyDictionary<string, string> versions, DateTimeOffset now) => new(
        Guid.CreateVersion7(now), Course, Assignment, ProblemId, GradedWithVersionOtherThanCurrent, SubmittedBefore,
        Reason ?? throw new InvalidOperationException("An unvalidated regrade request reached the planner."), DryRun, versions, now);

    public static async ValueTask<RegradeRequestInput?> BindAsync(HttpContext context) =>
        await RegradeRequestReader.ReadAsync(context.Request.Body, context.RequestAborted);
}
