using System.Text.Json;

namespace Grader.Api.Requests;

/// <summary>
/// Reads optional fields of a JSON body for the body readers (the webhook, a regrade request), so every wrong type is an
/// error naming its field, worded the same in every body.
/// </summary>
public static class JsonFields
{
    /// <returns>The timestamp (<see cref="Iso8601"/>), or null when absent, null, or not a timestamp (then in <paramref name="errors"/>).</returns>
    public static DateTimeOffset? OptionalTimestamp(JsonElement root, string field, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && Iso8601.TryParse(value.GetString(), out var timestamp))
        {
            return timestamp;
        }

        errors[field] = [$"The {field} field must be an ISO 8601 timestamp such as {Iso8601.Example}."];
        return null;
    }

    /// <summary>How a wrong value reads in an error: "not an array".</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
