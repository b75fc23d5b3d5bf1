using System.Text.Json;
using Grader.Api.Requests;
using Grader.Grading.Loading;

namespace Grader.Api.Submissions;

/// <summary>
/// Reads and validates a webhook body field by field, so that every 400 names the field at fault.
/// Works on the raw bytes because the signature covers them exactly.
/// </summary>
public sealed class SubmissionRequestReader(ProblemCatalog catalog)
{
    private const int MaxIdLength = 200;

    public bool TryRead(ReadOnlyMemory<byte> body, out SubmissionRequest? request, out Dictionary<string, string[]> errors)
    {
        request = null;
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            errors["body"] = [$"The body is not valid JSON: {exception.Message}"];
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["The body must be a JSON object."];
                return false;
            }

            var externalId = RequiredText(root, "externalId", errors);
            var course = RequiredText(root, "course", errors);
            var assignment = RequiredText(root, "assignment", errors);
            var studentId = RequiredText(root, "studentId", errors);
            var problemId = RequiredText(root, "problemId", errors);
            if (problemId is not null && !catalog.TryGet(problemId, out _))
            {
                errors["problemId"] = [$"Unknown problem '{problemId}'."];
            }

            var submittedAt = JsonFields.OptionalTimestamp(root, "submittedAt", errors);
            JsonElement answers = default;
            if (!root.TryGetProperty("answers", out var answersElement))
            {
                errors["answers"] = ["The answers object is required."];
            }
            else if (answersElement.ValueKind != JsonValueKind.Object)
            {
                errors["answers"] = [$"The answers must be a JSON object keyed by part id, not {JsonFields.Describe(answersElement)}."];
            }
            else
            {
                answers = answersElement.Clone();
            }

            if (errors.Count > 0)
            {
                return false;
            }

            request = new SubmissionRequest(externalId!, course!, assignment!, problemId!, studentId!, submittedAt, answers);
            return true;
        }
    }

    private static string? RequiredText(JsonElement root, string field, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors[field] = [$"The {field} field is required."];
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[field] = [$"The {field} field must be a string, not {JsonFields.Describe(value)}."];
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0 || text.Length > MaxIdLength)
        {
            errors[field] = [$"The {field} field must have 1 to {MaxIdLength} characters."];
            return null;
        }

        return text;
    }
}
