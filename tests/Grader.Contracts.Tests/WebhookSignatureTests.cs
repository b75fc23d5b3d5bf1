using System.Text;
using Grader.Contracts.Webhooks;

namespace Grader.Contracts.Tests;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"externalId\":\"e1\"}");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void Header_has_the_timestamp_and_the_hex_hmac_of_timestamp_dot_body()
    {
        // Reference value from: printf '1800000000.{"externalId":"e1"}' | openssl dgst -sha256 -hmac whsec_test
        var header = WebhookSignature.Sign(Secret, 1_800_000_000, Body);

        Assert.Equal("t=1800000000,v1=" + ExpectedHex, header);
    }

    [Fact]
    public void Signature_made_now_verifies() =>
        Assert.Equal(SignatureCheck.Valid, Verify(WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body)));

    [Fact]
    public void Changed_body_does_not_verify()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.Equal(SignatureCheck.Mismatch,
            WebhookSignature.Verify(Secret, header, Encoding.UTF8.GetBytes("{\"externalId\":\"e2\"}"), Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Other_secret_does_not_verify() =>
        Assert.Equal(SignatureCheck.Mismatch, Verify(WebhookSignature.Sign("other", Now.ToUnixTimeSeconds(), Body)));

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Timestamp_more_than_five_minutes_off_is_stale(int offsetSeconds) =>
        Assert.Equal(SignatureCheck.Stale, Verify(WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds() + offsetSeconds, Body)));

    [Fact]
    public void Timestamp_within_five_minutes_is_fresh() =>
        Assert.Equal(SignatureCheck.Valid, Verify(WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds() - 299, Body)));

    [Theory]
    [InlineData(null, SignatureCheck.Missing)]
    [InlineData("", SignatureCheck.Missing)]
    [InlineData("v1=abc", SignatureCheck.Malformed)]
    [InlineData("t=1800000000", SignatureCheck.Malformed)]
    [InlineData("t=soon,v1=" + ExpectedHex, SignatureCheck.Malformed)]
    [InlineData("t=1800000000,v1=zz", SignatureCheck.Malformed)]
    [InlineData("garbage", SignatureCheck.Malformed)]
    public void Missing_or_malformed_header_is_refused(string? header, SignatureCheck expected) => Assert.Equal(expected, Verify(header));

    [Fact]
    public void Any_of_several_v1_entries_may_match_during_a_secret_rotation()
    {
        var header = $"t=1800000000,v1={new string('0', 64)},v1={ExpectedHex}";

        Assert.Equal(SignatureCheck.Valid, Verify(header));
    }

    private const string ExpectedHex = "278fcfd7f12a57ec93c874009d1a2c60c2f528f5234d7cc440617c5e49da4a8a";

    private static SignatureCheck Verify(string? header) => WebhookSignature.Verify(Secret, header, Body, Now, TimeSpan.FromMinutes(5));
}
