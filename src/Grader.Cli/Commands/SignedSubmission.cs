using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Contracts.Webhooks;

namespace Grader.Cli.Commands;

/// <summary>A webhook delivery as an LMS makes it: the JSON body and its <c>Grader-Signature</c> for one source's secret.</summary>
internal sealed record SignedSubmission(byte[] Body, string Source, string Signature)
{
    public static SignedSubmission Create(SubmissionFields fields, JsonNode answers, string source, string secret, DateTimeOffset now)
    {
        var body = new JsonObject
        {
            ["externalId"] = fields.ExternalId,
            ["course"] = fields.Course,
            ["assignment"] = fields.Assignment,
            ["problemId"] = fields.ProblemId,
            ["studentId"] = fields.StudentId,
            ["submittedAt"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["answers"] = answers.DeepClone(),
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        return new SignedSubmission(bytes, source, WebhookSignature.Sign(secret, now.ToUnixTimeSeconds(), bytes));
    }

    public HttpRequestMessage ToRequest(Uri baseUrl)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "/api/v1/submissions"))
        {
            Content = new ByteArrayContent(Body),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(WebhookHeaders.Source, Source);
        request.Headers.Add(WebhookHeaders.Signature, Signature);
        return request;
    }
}

/// <summary>Who and what a submission is for, as the webhook body names it.</summary>
internal sealed record SubmissionFields(string ExternalId, string Course, string Assignment, string ProblemId, string StudentId);
