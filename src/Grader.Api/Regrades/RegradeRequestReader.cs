using System.Text.Json;
using Grader.Api.Requests;

namespace Grader.Api.Regrades;

/// <summary>
/// Reads a regrade request's JSON field by field, so that a wrong type is an error naming the field; what the values must
/// be (a known problem, a reason, a course for an instructor key) is <see cref="RegradeRequestValidator"/>'s.
/// </summary>
public static class RegradeRequestReader
{
    public static async Task<RegradeRequestInput> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (JsonException exception)
        {
            errors["body"] = [$"The body is not valid JSON: {exception.Message}"];
            return RegradeRequestInput.Unreadable(errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["The body must be a JSON object."];
                return RegradeRequestInput.Unreadable(errors);
            }

            return new RegradeRequestInput
            {
                Course = OptionalText(root, "course", errors),
                Assignment = OptionalText(root, "assignment", errors),
                ProblemId = OptionalText(root, "problemId", errors),
                GradedWithVersionOtherThanCurrent = OptionalBool(root, "gradedWithVersionOtherThanCurrent", errors),
                DryRun = OptionalBool(root, "dryRun", errors),
                SubmittedBefore = JsonFields.OptionalTimestamp(root, "submittedBefore", errors),
                Reason = OptionalText(root, "reason", errors),
                ShapeErrors = errors,
            };
        }
    }

    private static string? OptionalText(JsonElement root, string name, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[name] = ["Must be a non-empty string when given."];
            return null;
        }

        if (!StorableText.TryRead(value, out var text))
        {
            errors[name] = [$"{name} {StorableText.Rule}."];
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors[name] = ["Must be a non-empty string when given."];
            return null;
        }

        return text;
    }

    private static bool OptionalBool(JsonElement root, string name, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors[name] = ["Must be true or false."];
        return false;
    }
}
