using System.Net;
using System.Text;
using System.Text.Json;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Submissions;

/// <summary>Input PostgreSQL cannot hold, or would hold at many times its size, is a 400 naming the field; nothing is stored.</summary>
public sealed class WebhookStorabilityTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private ServiceStack Stack => fixture.Stack;

    public static TheoryData<string, string, string> Refused => new()
    {
        // name, body (with EXTERNAL for a fresh id), the field the 400 names
        { "1e100000 in an answer", Body(answers: """{"3b": 1e100000}"""), "answers.3b" },
        { "1e200000 nested in an answer", Body(answers: """{"1d": {"q": 1e200000}}"""), "answers.1d.q" },
        { "1e-20000 in an array", Body(answers: """{"3b": [1, 1e-20000]}"""), "answers.3b[1]" },
        { "NUL in studentId", Body(studentId: "\"s\\u0000x\""), "studentId" },
        { "NUL in externalId", Body(externalId: "\"e\\u0000x\""), "externalId" },
        { "NUL in course", Body(course: "\"c\\u0000\""), "course" },
        { "NUL in assignment", Body(assignment: "\"a\\u0000\""), "assignment" },
        { "NUL in an answer string", Body(answers: """{"2c.b": "x\u0000y"}"""), "answers.2c.b" },
        { "NUL in an answer key", Body(answers: """{"3b\u0000": 1}"""), "answers" },
        { "lone surrogate in an answer", Body(answers: """{"2c.b": "\ud800"}"""), "answers.2c.b" },
        { "lone surrogate in studentId", Body(studentId: "\"\\udc00\""), "studentId" },
        { "lone surrogate in submittedAt", Body(submittedAt: "\"\\ud800\""), "submittedAt" },
        { "submittedAt a day ahead", Body(submittedAt: $"\"{DateTimeOffset.UtcNow.AddDays(1):O}\""), "submittedAt" },
        { "submittedAt in year 9999", Body(submittedAt: "\"9999-12-31T23:59:59Z\""), "submittedAt" },
        { "numbers that print far longer than sent", Body(answers: $$"""{"3b": [{{string.Join(",", Enumerable.Repeat("1e300", 2000))}}]}"""), "answers" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Unstorable_input_is_a_400_naming_the_field_and_stores_nothing(string name, string body, string field)
    {
        var before = await Stack.ScalarAsync("select count(*) from submissions");

        using var response = await Stack.Webhook.PostRawAsync(body.Replace("EXTERNAL", Guid.NewGuid().ToString("N"), StringComparison.Ordinal));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {text}");
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{name}: no error for {field} in {text}");
        Assert.Equal(before, await Stack.ScalarAsync("select count(*) from submissions"));
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_a_400()
    {
        var before = await Stack.ScalarAsync("select count(*) from submissions");
        var bytes = Encoding.UTF8.GetBytes(Body(answers: """{"2c.b": "XX"}""").Replace("EXTERNAL", Guid.NewGuid().ToString("N"), StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3; // a lead byte followed by 'X' is no UTF-8 sequence
        bytes[at + 1] = 0x28;

        using var response = await SignedPost.SendAsync(Stack, bytes);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await Stack.ScalarAsync("select count(*) from submissions"));
    }

    [Fact]
    public async Task Numbers_are_stored_as_doubles_no_longer_than_sent()
    {
        var externalId = Guid.NewGuid().ToString("N");
        var digits = "0." + new string('3', 5000);
        var body = Body(answers: $$$"""{"3b": {{{digits}}}, "1d": {"q": 1e300, "f": 1E+2}}""").Replace("EXTERNAL", externalId, StringComparison.Ordinal);

        using var response = await Stack.Webhook.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await SignedPost.TextAsync(Stack, $"select answers::text from submissions where external_id = '{externalId}'");
        using var answers = JsonDocument.Parse(stored);
        Assert.Equal(1.0 / 3, answers.RootElement.GetProperty("3b").GetDouble(), 15);
        Assert.Equal(1e300, answers.RootElement.GetProperty("1d").GetProperty("q").GetDouble());
        Assert.Equal(100, answers.RootElement.GetProperty("1d").GetProperty("f").GetDouble());
        Assert.True(stored.Length < 400, $"stored {stored.Length} characters: {stored}");
    }

    /// <summary>A webhook body as raw JSON text, so that it can hold what a serializer would not write.</summary>
    internal static string Body(string externalId = "\"EXTERNAL\"", string course = "\"cs189\"", string assignment = "\"dis4\"",
        string studentId = "\"student-1\"", string submittedAt = "\"2026-11-01T12:00:00Z\"", string answers = """{"3b": 233}""") =>
        $$"""{"externalId": {{externalId}}, "course": {{course}}, "assignment": {{assignment}}, "problemId": "cs189-dis4", "studentId": {{studentId}}, "submittedAt": {{submittedAt}}, "answers": {{answers}}}""";
}
