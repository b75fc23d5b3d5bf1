using System.Reflection;
using System.Text.Json;

namespace Grader.Api.Requests;

/// <summary>
/// Finds the bound strings of a request that PostgreSQL could not hold (<see cref="StorableText"/>): a string argument
/// of the handler, or a settable string property of a request object of this API (an <c>[AsParameters]</c> type, a body).
/// </summary>
internal static class UnstorableArguments
{
    private static readonly Assembly Api = typeof(UnstorableArguments).Assembly;

    public static Dictionary<string, string[]> Find(EndpointFilterInvocationContext context)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            switch (context.Arguments[i])
            {
                case string text when !StorableText.IsStorable(text):
                    Add(errors, parameters is not null && i < parameters.Length ? parameters[i].Name : null);
                    break;
                case { } request when request.GetType().Assembly == Api:
                    foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    {
                        if (property.PropertyType == typeof(string) && property.CanWrite
                            && property.GetValue(request) is string value && !StorableText.IsStorable(value))
                        {
                            Add(errors, property.Name);
                        }
                    }

                    break;
            }
        }

        return errors;
    }

    private static void Add(Dictionary<string, string[]> errors, string? name)
    {
        var field = JsonNamingPolicy.CamelCase.ConvertName(name ?? "request");
        errors[field] = [$"{field} {StorableText.Rule}."];
    }
}
