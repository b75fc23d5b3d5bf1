using System.Text.Json;
using Grader.Api.Requests;
using Grader.Contracts.Submissions;
using Grader.Grading.Loading;
using Microsoft.Extensions.Options;

namespace Grader.Api.Submissions;

/// <summary>
/// Reads and validates a webhook body field by field, so that every 400 names the field at fault.
/// Works on the raw bytes because the signature covers them exactly.
/// </summary>
public sealed class SubmissionRequestReader(
    ProblemCatalog catalog, IOptionsMonitor<WebhookOptions> options, TimeProvider clock, Lti.LtiLineItemField ltiField)
{
    private const int MaxIdLength = 200;

    public bool TryRead(ReadOnlyMemory<byte> body, out SubmissionDelivery? request, out Dictionary<string, string[]> errors)
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

            var submittedAt = HasReadableText(root, "submittedAt", errors)
                ? JsonFields.OptionalTimestamp(root, "submittedAt", errors)
                : null;
            var latest = clock.GetUtcNow() + options.CurrentValue.MaxClockSkew;
            if (submittedAt > latest)
            {
                // A date in the future would pin policy=latest to this submission for ever.
                errors["submittedAt"] = [$"The submittedAt time {submittedAt:O} is in the future (the server's clock allows {options.CurrentValue.MaxClockSkew} of skew)."];
            }

            string? answers = null;
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
                // The normalised text is what is stored; it is not parsed again (a repeat's comparison parses it).
                answers = StoredAnswers.Normalise(answersElement, options.CurrentValue.MaxBodyBytes, out var field, out var why);
                if (answers is null)
                {
                    errors[field] = [why];
                }
            }

            var lti = ltiField.Read(root, errors);
            if (errors.Count > 0)
            {
                return false;
            }

            request = new SubmissionDelivery(externalId!, course!, assignment!, problemId!, studentId!, submittedAt, answers!, lti);
            return true;
        }
    }

    /// <returns>false (with an error) when the field is a string with no string form, such as an escaped lone surrogate.</returns>
    private static bool HasReadableText(JsonElement root, string field, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            errors[field] = [$"The {field} field is not valid Unicode (an unpaired surrogate)."];
            return false;
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

        string text;
        try
        {
            text = value.GetString()!.Trim();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") has no string form.
            errors[field] = [$"The {field} field is not valid Unicode (an unpaired surrogate)."];
            return null;
        }

        if (Contracts.Submissions.StorableText.Problem(text) is { } why)
        {
            errors[field] = [$"The {field} field {why}."];
            return null;
        }

        if (text.Length == 0 || text.Length > MaxIdLength)
        {
            errors[field] = [$"The {field} field must have 1 to {MaxIdLength} characters."];
            return null;
        }

        return text;
    }
}
