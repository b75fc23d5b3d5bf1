using Grader.Api.Access;

namespace Grader.Api.Regrades;

/// <summary>
/// The body of <c>POST /api/v1/regrades</c> as <see cref="RegradeRequestReader"/> read it: the request, or the errors that
/// name each bad field. Bound before the handler runs, so course scoping sees the course it names.
/// </summary>
public sealed class RegradeRequestInput(RegradeRequest? request, Dictionary<string, string[]> errors) : INamesCourse
{
    public RegradeRequest? Request { get; } = request;

    public Dictionary<string, string[]> Errors { get; } = errors;

    public string? Course => Request?.Course;

    public static async ValueTask<RegradeRequestInput?> BindAsync(HttpContext context)
    {
        var reader = context.RequestServices.GetRequiredService<RegradeRequestReader>();
        var (request, errors) = await reader.ReadAsync(context.Request, context.RequestAborted);
        return new RegradeRequestInput(request, errors);
    }
}
