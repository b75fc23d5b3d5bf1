using System.Globalization;
using System.Text.Json;
using Grader.Data.Access;
using Grader.Grading.Loading;

namespace Grader.Api.Regrades;

/// <summary>Reads a regrade request field by field, so that every 400 names the field at fault.</summary>
public sealed class RegradeRequestReader(ProblemCatalogProvider catalogs, CourseScope scope)
{
    private const int MaxReasonLength = 2000;

    public async Task<(RegradeRequest? Request, Dictionary<string, string[]> Errors)> ReadAsync(
        HttpRequest http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (JsonException exception)
        {
            errors["body"] = [$"The body is not valid JSON: {exception.Message}"];
            return (null, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["The body must be a JSON object."];
                return (null, errors);
            }

            var course = OptionalText(root, "course", errors);
            if (course is null && !scope.IsAll && !errors.ContainsKey("course"))
            {
                errors["course"] = ["An instructor key must name one of its courses; only admin keys regrade across courses."];
            }

            var assignment = OptionalText(root, "assignment", errors);
            var problemId = OptionalText(root, "problemId", errors);
            // A regrade usually follows an edit: judge the request (and plan the job) against the files on disk now.
            catalogs.Refresh();
            if (problemId is not null && !catalogs.Current.TryGet(problemId, out _))
            {
                errors["problemId"] = [$"Unknown problem '{problemId}'."];
            }

            var otherVersion = OptionalBool(root, "gradedWithVersionOtherThanCurrent", errors);
            var dryRun = OptionalBool(root, "dryRun", errors);
            var submittedBefore = OptionalTimestamp(root, "submittedBefore", errors);
            var reason = OptionalText(root, "reason", errors);
            if (reason is null && !errors.ContainsKey("reason"))
            {
                errors["reason"] = ["Say why (e.g. \"tolerance of 1d widened\"): the reason is kept with the job."];
            }
            else if (reason is { Length: > MaxReasonLength })
            {
                errors["reason"] = [$"At most {MaxReasonLength} characters."];
            }

            return errors.Count > 0
                ? (null, errors)
                : (new RegradeRequest(course, assignment, problemId, otherVersion, submittedBefore, reason!, dryRun), errors);
        }
    }

    private static string? OptionalText(JsonElement root, string name, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors[name] = ["Must be a non-empty string when given."];
            return null;
        }

        return value.GetString();
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

    private static DateTimeOffset? OptionalTimestamp(JsonElement root, string name, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        errors[name] = ["Must be an ISO 8601 timestamp, e.g. 2026-11-01T12:00:00Z."];
        return null;
    }
}
