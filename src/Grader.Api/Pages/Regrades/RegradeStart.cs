using FluentValidation;
using Grader.Api.Regrades;

namespace Grader.Api.Pages.Regrades;

/// <summary>Starts a regrade from a page: the API's validator, then its planner (which refuses a second job of one filter).</summary>
public static class RegradeStart
{
    public sealed record Started(Guid Id);

    public sealed record Refusal(IReadOnlyList<string> Messages, Guid? RunningJob);

    public static async Task<(Started? Started, Refusal Refusal)> StartAsync(
        RegradeRequestInput input, IValidator<RegradeRequestInput> rules, RegradePlanner planner, CancellationToken cancellationToken)
    {
        var result = await rules.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            return (null, new Refusal(result.Errors.Select(e => e.ErrorMessage).ToList(), null));
        }

        var (id, started) = await planner.StartAsync(input, cancellationToken);
        return started ? (new Started(id), new Refusal([], null)) : (null, new Refusal([], id));
    }
}
