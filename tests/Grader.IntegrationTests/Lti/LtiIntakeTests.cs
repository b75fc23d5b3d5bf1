using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Api.Lti;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Lti;

/// <summary>The webhook's optional <c>lti</c> field and the LTI admin endpoints refuse what must not be stored or posted to.</summary>
public sealed class LtiIntakeTests
{
    [Theory]
    [InlineData("{\"lineItem\": \"http://lms.example.edu/lineitems/1\"}", "lti.lineItem")] // clear text off loopback
    [InlineData("{\"lineItem\": \"ftp://lms.example.edu/lineitems/1\"}", "lti.lineItem")]
    [InlineData("{\"lineItem\": \"lineitems/1\"}", "lti.lineItem")]
    [InlineData("{\"lineItem\": \"https://user:pw@lms.example.edu/li\"}", "lti.lineItem")]
    [InlineData("{\"lineItem\": \"https://lms.example.edu/li\\u0000\"}", "lti.lineItem")]
    [InlineData("{\"userId\": \"u1\"}", "lti.lineItem")]
    [InlineData("{\"lineItem\": \"https://lms.example.edu/li\", \"userId\": 12}", "lti.userId")]
    [InlineData("{\"lineItem\": \"https://lms.example.edu/li\", \"userId\": \"\\ud800\"}", "lti.userId")]
    [InlineData("\"https://lms.example.edu/li\"", "lti")]
    public async Task Unusable_lti_field_is_a_400_naming_it_and_nothing_is_stored(string lti, string field)
    {
        await using var stack = await ServiceStack.StartAsync();
        var body = JsonSerializer.Serialize(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial));
        body = body[..^1] + ",\"lti\":" + lti + "}";

        using var response = await stack.Webhook.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, await stack.ScalarAsync("select count(*) from submissions"));
    }

    [Fact]
    public async Task Line_item_and_user_id_are_stored_and_a_redelivery_with_another_line_item_is_a_409()
    {
        await using var stack = await ServiceStack.StartAsync();
        var body = WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial);
        body["lti"] = new { lineItem = "https://lms.example.edu/api/lti/courses/7/line_items/3?type=x", userId = new string('u', 255) };
        using (var accepted = await stack.Webhook.PostAsync(body))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        Assert.Equal(1, await stack.ScalarAsync(
            "select count(*) from submissions where lti_line_item = 'https://lms.example.edu/api/lti/courses/7/line_items/3?type=x' and length(lti_user_id) = 255"));
        body["lti"] = new { lineItem = "https://lms.example.edu/api/lti/courses/7/line_items/4", userId = "u" };
        using var conflict = await stack.Webhook.PostAsync(body);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("lti", (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Platform_registration_refuses_an_http_token_url_and_a_second_platform_for_the_source()
    {
        await using var stack = await ServiceStack.StartAsync();
        var platform = new LtiPlatformRequest("test-lms", "https://canvas.example.edu", "client-1", "dep-1",
            "http://canvas.example.edu/login/oauth2/token", null);
        using (var insecure = await stack.Http.PostAsJsonAsync("/api/v1/lti/platforms", platform))
        {
            Assert.Equal(HttpStatusCode.BadRequest, insecure.StatusCode);
            Assert.True((await insecure.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("tokenUrl", out _));
        }

        using (var created = await stack.Http.PostAsJsonAsync("/api/v1/lti/platforms", platform with { TokenUrl = "https://canvas.example.edu/login/oauth2/token" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var second = await stack.Http.PostAsJsonAsync("/api/v1/lti/platforms", platform with
        {
            ClientId = "client-2", TokenUrl = "https://canvas.example.edu/login/oauth2/token",
        });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        // An instructor key may not register platforms: admin keys only.
        using var instructor = stack.CreateClient(await stack.CreateApiKeyAsync(Grader.Data.Access.ApiKeyRole.Instructor, "cs189"));
        using var forbidden = await instructor.GetAsync("/api/v1/lti/platforms");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Theory]
    [InlineData("state=sent", "state")]
    [InlineData("submission=42", "submission")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Score_post_list_refuses_a_bad_filter_naming_it(string query, string field)
    {
        await using var stack = await ServiceStack.StartAsync();

        using var response = await stack.Http.GetAsync($"/api/v1/lti/scores?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
