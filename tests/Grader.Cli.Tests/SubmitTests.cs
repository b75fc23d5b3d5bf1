using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Cli.Commands;
using Grader.Contracts.Webhooks;

namespace Grader.Cli.Tests;

/// <summary><c>grader submit</c> signs a delivery exactly as the API verifies it, and fails clearly without a service.</summary>
public class SubmitTests
{
    private static readonly SubmissionFields Fields = new("lms-42", "6.036", "hw4", "mit-6036-s17-hw4", "alice");

    [Fact]
    public void Signed_delivery_verifies_with_the_sources_secret_and_carries_every_field()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var delivery = SignedSubmission.Create(Fields, JsonNode.Parse("{\"3b\": 233}")!, "canvas", "s3cret", now);

        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify("s3cret", delivery.Signature, delivery.Body, now, TimeSpan.FromMinutes(5)));
        Assert.NotEqual(SignatureCheck.Valid, WebhookSignature.Verify("other", delivery.Signature, delivery.Body, now, TimeSpan.FromMinutes(5)));
        using var body = JsonDocument.Parse(delivery.Body);
        var root = body.RootElement;
        Assert.Equal("lms-42", root.GetProperty("externalId").GetString());
        Assert.Equal("6.036", root.GetProperty("course").GetString());
        Assert.Equal("hw4", root.GetProperty("assignment").GetString());
        Assert.Equal("mit-6036-s17-hw4", root.GetProperty("problemId").GetString());
        Assert.Equal("alice", root.GetProperty("studentId").GetString());
        Assert.Equal(233, root.GetProperty("answers").GetProperty("3b").GetInt32());
        using var request = delivery.ToRequest(new Uri("http://127.0.0.1:5080"));
        Assert.Equal("canvas", request.Headers.GetValues(WebhookHeaders.Source).Single());
    }

    [Fact]
    public void Submit_without_a_running_service_exits_2_and_says_it_cannot_reach_it()
    {
        // Port 9 (discard) has no listener on loopback: the connection is refused at once.
        var (exitCode, _, error) = GraderProcess.Run("submit", "cs189-dis4", "examples/cs189-dis4.json", "--url", "http://127.0.0.1:9");
        Assert.Equal(2, exitCode);
        Assert.Contains("cannot reach http://127.0.0.1:9", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_with_wait_but_no_api_key_exits_2_before_posting_and_says_how_to_pass_one()
    {
        // The URL has no listener: had the command posted first, it would fail with "cannot reach" instead.
        var (exitCode, output, error) = GraderProcess.Run("submit", "cs189-dis4", "examples/cs189-dis4.json", "--wait",
            "--api-key", "", "--url", "http://127.0.0.1:9");

        Assert.Equal(2, exitCode);
        Assert.Contains("pass --api-key or set GRADER_API_KEY", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }
}
