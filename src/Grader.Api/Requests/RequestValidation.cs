using System.Text.Json;
using FluentValidation;

namespace Grader.Api.Requests;

/// <summary>
/// The one place requests are validated: an endpoint filter that runs the registered <see cref="IValidator{T}"/> of
/// every bound argument and answers a 400 ValidationProblem keyed by the parameters' JSON names (<c>limit</c>, <c>from</c>).
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
            foreach (var argument in context.Arguments)
            {
                if (argument is null
                    || context.HttpContext.RequestServices.GetService(typeof(IValidator<>).MakeGenericType(argument.GetType())) is not IValidator validator)
                {
                    continue;
                }

                var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
                if (!result.IsValid)
                {
                    return TypedResults.ValidationProblem(result.ToDictionary(), title: "The request is invalid.");
                }
            }

            return await next(context);
        }).ProducesValidationProblem();
        return group;
    }
}
