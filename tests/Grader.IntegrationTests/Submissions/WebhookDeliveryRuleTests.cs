using System.Net;
using System.Text;
using System.Text.Json;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Submissions;

/// <summary>Who may post where, with which media type and signature time, and what a repeated externalId means.</summary>
public sealed class WebhookDeliveryRuleTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private ServiceStack Stack => fixture.Stack;

    private static string Body(string course = "cs189", string externalId = "EXTERNAL", string answers = """{"3b": 233}""") =>
        WebhookStorabilityTests.Body(externalId: $"\"{externalId}\"", course: $"\"{course}\"", answers: answers)
            .Replace("EXTERNAL", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);

    [Fact]
    public async Task A_source_bound_to_courses_may_post_only_into_them()
    {
        var before = await Stack.ScalarAsync("select count(*) from submissions");

        using var other = await fixture.Bound.PostRawAsync(Body(course: "cs189"));
        using var own = await fixture.Bound.PostRawAsync(Body(course: IntakeFixture.BoundCourse));

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
        Assert.Equal(before + 1, await Stack.ScalarAsync("select count(*) from submissions"));
    }

    [Fact]
    public async Task A_source_with_no_courses_may_post_into_any()
    {
        using var response = await Stack.Webhook.PostRawAsync(Body(course: IntakeFixture.BoundCourse));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_that_is_not_json_by_its_content_type_is_a_415(string? contentType)
    {
        using var response = await SignedPost.SendAsync(Stack, Encoding.UTF8.GetBytes(Body()), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_json_content_type_with_a_utf8_charset_is_accepted()
    {
        using var response = await SignedPost.SendAsync(Stack, Encoding.UTF8.GetBytes(Body()), "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_still_describes_the_json_body()
    {
        using var document = JsonDocument.Parse(await Stack.Http.GetStringAsync("/openapi/v1.json"));

        var body = document.RootElement.GetProperty("paths").GetProperty("/api/v1/submissions").GetProperty("post").GetProperty("requestBody");
        Assert.True(body.GetProperty("content").TryGetProperty("application/json", out var json));
        Assert.True(json.TryGetProperty("schema", out _));
    }

    [Fact]
    public async Task A_valid_signature_dated_beyond_year_9999_is_a_401()
    {
        using var response = await SignedPost.SendAsync(Stack, Encoding.UTF8.GetBytes(Body()), unixSeconds: 253402300800L * 10);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_same_externalId_with_the_same_body_is_200_and_with_another_body_409()
    {
        var externalId = Guid.NewGuid().ToString("N");
        var first = Body(externalId: externalId, answers: """{"3b": 233, "1d": {"q": 3}}""");
        // The same answers reordered and with numbers written otherwise are the same delivery.
        var same = Body(externalId: externalId, answers: """{"1d": {"q": 3.0}, "3b": 2.33e2}""");
        var other = Body(externalId: externalId, answers: """{"3b": 234, "1d": {"q": 3}}""");

        using var accepted = await Stack.Webhook.PostRawAsync(first);
        using var repeated = await Stack.Webhook.PostRawAsync(same);
        using var conflict = await Stack.Webhook.PostRawAsync(other);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        using var problem = JsonDocument.Parse(await conflict.Content.ReadAsStringAsync());
        Assert.Equal("answers", problem.RootElement.GetProperty("field").GetString());
        var stored = await SignedPost.TextAsync(Stack, $"select answers->>'3b' from submissions where external_id = '{externalId}'");
        Assert.Equal("233", stored);
    }

    [Fact]
    public async Task A_repost_of_a_queued_submission_sends_it_to_the_queue_again()
    {
        var body = Body();
        using var first = await Stack.Webhook.PostRawAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await Eventually.HoldsAsync(async () => await QueuedAsync() >= 1, TimeSpan.FromSeconds(30), "the first send");
        var sent = await QueuedAsync();

        using var again = await Stack.Webhook.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await Eventually.HoldsAsync(async () => await QueuedAsync() > sent, TimeSpan.FromSeconds(30), "the re-post to be sent again");
    }

    private Task<int> QueuedAsync() => Stack.Rabbit.MessageCountAsync(Stack.VirtualHost, Grader.Contracts.QueueNames.GradeSubmission);
}
