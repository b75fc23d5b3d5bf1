using System.Net;
using System.Text.Json;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Submissions;

public sealed class WebhookRejectionTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private ServiceStack Stack => fixture.Stack;

    public static TheoryData<string> Cases => new(Rejections.Keys);

    private static readonly Dictionary<string, (Func<WebhookClient, Task<HttpResponseMessage>> Send, HttpStatusCode Status, string? Field)>
        Rejections = new()
        {
            ["wrong secret"] = (c => c.PostRawAsync(Valid(), signatureSecret: "not-the-secret"), HttpStatusCode.Unauthorized, null),
            ["stale timestamp"] = (c => c.PostRawAsync(Valid(), signedAt: DateTimeOffset.UtcNow.AddMinutes(-6)), HttpStatusCode.Unauthorized, null),
            ["future timestamp"] = (c => c.PostRawAsync(Valid(), signedAt: DateTimeOffset.UtcNow.AddMinutes(6)), HttpStatusCode.Unauthorized, null),
            ["no signature"] = (c => c.PostRawAsync(Valid(), sign: false), HttpStatusCode.Unauthorized, null),
            ["malformed json"] = (c => c.PostRawAsync("{\"externalId\": \"x\", "), HttpStatusCode.BadRequest, "body"),
            ["unknown problem"] = (c => c.PostRawAsync(Valid(problemId: "no-such-problem")), HttpStatusCode.BadRequest, "problemId"),
            ["answers not an object"] = (c => c.PostRawAsync(Valid(answers: new[] { 1, 2 })), HttpStatusCode.BadRequest, "answers"),
            ["student id missing"] = (c => c.PostRawAsync(Valid(dropField: "studentId")), HttpStatusCode.BadRequest, "studentId"),
            ["bad submittedAt"] = (c => c.PostRawAsync(Valid(submittedAt: "yesterday")), HttpStatusCode.BadRequest, "submittedAt"),
            ["body over 256 KiB"] = (c => c.PostRawAsync(Valid(answers: new { note = new string('x', 300 * 1024) })),
                HttpStatusCode.RequestEntityTooLarge, null),
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rejected_delivery_gets_the_right_status_and_stores_nothing(string rejection)
    {
        var (send, status, field) = Rejections[rejection];
        var before = await Stack.ScalarAsync("select count(*) from submissions");

        using var response = await send(Stack.Webhook);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
        }

        Assert.Equal(before, await Stack.ScalarAsync("select count(*) from submissions"));
    }

    private static string Valid(string problemId = SeedAnswers.ProblemId, object? answers = null, string? dropField = null,
        string? submittedAt = null)
    {
        var body = WebhookClient.Body(problemId, answers ?? SeedAnswers.Partial);
        if (submittedAt is not null)
        {
            body["submittedAt"] = submittedAt;
        }

        if (dropField is not null)
        {
            body.Remove(dropField);
        }

        return JsonSerializer.Serialize(body);
    }
}
