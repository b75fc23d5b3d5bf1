using System.Net;
using System.Text;
using CsCheck;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Submissions;

/// <summary>
/// Random mutations of a valid, signed delivery against the running API: never a 5xx, and nothing stored on a 4xx.
/// Mutated bodies are re-signed, so they get past the signature check and reach the body reader.
/// </summary>
public sealed class WebhookFuzzTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    public const int Cases = 400;

    private ServiceStack Stack => fixture.Stack;

    private static readonly string[] Values =
    [
        "null", "true", "0", "-0", "1e100000", "1e-20000", "1e308", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"",
        "[]", "{}", "[[[[[[[[[[1]]]]]]]]]]", "\"9999-12-31T23:59:59Z\"", "\"10/11/2026\"", "\"2026-11-01T12:00:00Z\"",
        "\"cs189-dis4\"", "\"x\"", "{\"3b\": 1e999}", "{\"3b\": \"\\u0000\"}", "{\"\\ud800\": 1}", "{\"3b\": [1, {\"a\": []}]}",
        "12345678901234567890123456789", "\"" + new string('x', 300) + "\"",
    ];

    private static readonly string[] Fields = ["externalId", "course", "assignment", "problemId", "studentId", "submittedAt", "answers", "extra"];

    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/xml"];

    private static readonly Gen<(byte[] Body, string ContentType)> Deliveries =
        Gen.Select(
            Gen.OneOf<string>(Fields).Array[0, 3],
            Gen.OneOf<string>(Values).Array[3],
            Gen.Int[0, 5],
            Gen.Byte.Array[0, 4],
            Gen.Frequency((9, Gen.Const("application/json")), (1, Gen.OneOf<string>(ContentTypes))),
            (fields, values, damage, bytes, contentType) => (Mutate(fields, values, damage, bytes), contentType));

    [Fact]
    public async Task Mutated_signed_deliveries_never_get_a_5xx_and_a_4xx_stores_nothing()
    {
        var statuses = new Dictionary<HttpStatusCode, int>();
        await Deliveries.SampleAsync(async delivery =>
        {
            var before = await Stack.ScalarAsync("select count(*) from submissions");

            using var response = await SignedPost.SendAsync(Stack, delivery.Body, delivery.ContentType);

            var status = (int)response.StatusCode;
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            Assert.True(status < 500, $"{status} for {Encoding.UTF8.GetString(delivery.Body)}: {await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
            {
                Assert.Equal(before, await Stack.ScalarAsync("select count(*) from submissions"));
            }
        }, iter: Cases, threads: 1);

        // The mutations must reach both sides: some deliveries accepted, most refused.
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 0, string.Join(", ", statuses));
    }

    /// <summary>Sets some fields to odd values, then damages the text: truncation or stray bytes.</summary>
    private static byte[] Mutate(string[] fields, string[] values, int damage, byte[] bytes)
    {
        var body = new Dictionary<string, string>
        {
            ["externalId"] = $"\"{Guid.NewGuid():N}\"", ["course"] = "\"cs189\"", ["assignment"] = "\"dis4\"",
            ["problemId"] = "\"cs189-dis4\"", ["studentId"] = "\"s1\"", ["submittedAt"] = "\"2026-11-01T12:00:00Z\"",
            ["answers"] = "{\"3b\": 233}",
        };
        for (var i = 0; i < fields.Length; i++)
        {
            body[fields[i]] = values[i];
        }

        var text = Encoding.UTF8.GetBytes("{" + string.Join(", ", body.Select(kv => $"\"{kv.Key}\": {kv.Value}")) + "}");
        return damage switch
        {
            4 => text[..(text.Length * 2 / 3)],
            5 => [.. text[..(text.Length / 2)], .. bytes, .. text[(text.Length / 2)..]],
            _ => text,
        };
    }
}
