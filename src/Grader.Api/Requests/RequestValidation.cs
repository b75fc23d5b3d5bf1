using System.Text.Json;
using FluentValidation;

namespace Grader.Api.Requests;

/// <summary>
/// The one place requests are validated: an endpoint filter that runs the registered <see cref="IValidator{T}"/> of
/// every bound argument, after refusing text PostgreSQL cannot hold (<see cref="StorableText"/>), and answers a 400
/// ValidationProblem keyed by the parameters' JSON names (<c>limit</c>, <c>from</c>).
/// </summary>
public static class RequestValidation
{
    static RequestValidation() =>
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);

    /// <summary>Validates the arguments of every endpoint of the group.</summary>
    public static RouteGroupBuilder ValidateRequests(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            // Text the database cannot hold is refused for every bound string, before any rule of the request's own.
            var errors = UnstorableArguments.Find(context);
            foreach (var argument in context.Arguments)
            {
                if (argument is null
                    || context.HttpContext.RequestServices.GetService(typeof(IValidator<>).MakeGenericType(argument.GetType())) is not IValidator validator)
                {
                    continue;
                }

                var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
                foreach (var (field, messages) in result.ToDictionary())
                {
                    errors[field] = errors.TryGetValue(field, out var earlier) ? [.. earlier, .. messages] : messages;
                }
            }

            return errors.Count > 0
                ? (object?)TypedResults.ValidationProblem(errors, title: "The request is invalid.")
                : await next(context);
        }).ProducesValidationProblem();
        return group;
    }
}
