using System.Text.Json;
using Grader.Contracts.Lti;
using Grader.Api.Requests;
using Microsoft.Extensions.Options;

namespace Grader.Api.Lti;

/// <summary>The optional <c>lti</c> object of a webhook body: the AGS line item to post the score to, and the student's LTI user id.</summary>
public sealed record LtiLineItemRequest(string LineItem, string? UserId);

/// <summary>
/// Reads <c>"lti": {"lineItem": "https://…", "userId": "…"}</c> from a webhook body; every 400 names <c>lti.lineItem</c>
/// or <c>lti.userId</c>. The user id is the LTI <c>sub</c>: at most 255 characters (the LTI core spec's limit).
/// </summary>
public sealed class LtiLineItemField(IOptionsMonitor<LtiApiOptions> options)
{
    public const int MaxUserIdLength = 255;

    public LtiLineItemRequest? Read(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty("lti", out var lti) || lti.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (lti.ValueKind != JsonValueKind.Object)
        {
            errors["lti"] = [$"The lti field must be an object with lineItem and userId, not {JsonFields.Describe(lti)}."];
            return null;
        }

        var lineItem = Text(lti, "lineItem", errors);
        if (lineItem is not null && LtiUrls.Problem(lineItem, options.CurrentValue.AllowHttpLoopback) is { } why)
        {
            errors["lti.lineItem"] = [$"The lti.lineItem field {why}."];
            lineItem = null;
        }
        else if (lineItem is null && !errors.ContainsKey("lti.lineItem"))
        {
            errors["lti.lineItem"] = ["The lti.lineItem field is required when lti is given."];
        }

        var userId = Text(lti, "userId", errors);
        if (userId is not null && (userId.Length == 0 || userId.Length > MaxUserIdLength
            || Contracts.Submissions.StorableText.Problem(userId) is not null))
        {
            errors["lti.userId"] = [$"The lti.userId field must have 1 to {MaxUserIdLength} characters of storable text."];
            userId = null;
        }

        return lineItem is null ? null : new LtiLineItemRequest(lineItem, userId);
    }

    private static string? Text(JsonElement lti, string name, Dictionary<string, string[]> errors)
    {
        if (!lti.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !StorableText.TryRead(value, out var text))
        {
            errors[$"lti.{name}"] = [$"The lti.{name} field must be a string of storable text ({StorableText.Rule})."];
            return null;
        }

        return text!.Trim();
    }
}
