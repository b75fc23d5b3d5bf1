using System.Text.Json;
using Grader.Contracts.Submissions;
using Grader.Contracts.Webhooks;

namespace Grader.Contracts.Tests.Submissions;

public sealed class StoredAnswersTests
{
    private static string? Normalise(string json, out string field, out string error, int max = StoredAnswers.DefaultMaxPrintedChars)
    {
        using var document = JsonDocument.Parse(json);
        return StoredAnswers.Normalise(document.RootElement, max, out field, out error);
    }

    [Theory]
    [InlineData("""{"a": 1e100000}""", "answers.a")]
    [InlineData("""{"a": -1e309}""", "answers.a")]
    [InlineData("""{"a": [0, 1e-20000]}""", "answers.a[1]")]
    [InlineData("""{"a": {"b": "x\u0000"}}""", "answers.a.b")]
    [InlineData("""{"a": "\ud800"}""", "answers.a")]
    [InlineData("""{"a\u0000": 1}""", "answers")]
    public void Input_the_database_cannot_hold_is_refused_naming_where(string json, string expectedField)
    {
        Assert.Null(Normalise(json, out var field, out var error));
        Assert.Equal(expectedField, field);
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("""{"a": 0}""", """{"a":0}""")]
    [InlineData("""{"a": 0.0e-30000}""", """{"a":0}""")]
    [InlineData("""{"a": 1E+2, "b": [1.50, -0.25]}""", """{"a":100,"b":[1.5,-0.25]}""")]
    [InlineData("""{"a": "√2 ≈ 1.41", "b": null, "c": true}""", """{"a":"√2 ≈ 1.41","b":null,"c":true}""")]
    public void Numbers_are_written_back_as_the_double_they_read_as(string json, string expected)
    {
        Assert.Equal(expected, Normalise(json, out _, out _));
    }

    [Fact]
    public void Numbers_that_would_print_far_longer_than_sent_are_refused_beyond_the_limit()
    {
        var json = $$"""{"a": [{{string.Join(",", Enumerable.Repeat("1e300", 100))}}]}""";

        Assert.Null(Normalise(json, out var field, out _, max: 10_000));
        Assert.Equal("answers", field);
        Assert.NotNull(Normalise(json, out _, out _, max: 40_000));
    }

    [Fact]
    public void A_long_mantissa_is_stored_as_its_double()
    {
        var json = $$"""{"a": 0.{{new string('3', 10_000)}}}""";

        var stored = Normalise(json, out _, out _);

        Assert.Equal("""{"a":0.3333333333333333}""", stored);
    }

    [Fact]
    public void A_signature_dated_beyond_year_9999_is_stale_not_an_exception()
    {
        var body = "{}"u8.ToArray();
        var header = WebhookSignature.Sign("secret", long.MaxValue / 2, body);

        var check = WebhookSignature.Verify("secret", header, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        Assert.Equal(SignatureCheck.Stale, check);
    }
}
