using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grader.Data.Lti;
using Grader.Worker.Lti;

namespace Grader.Worker.Tests.Lti;

/// <summary>The AGS Score as posted, its URL, and the encryption of the tool's private keys.</summary>
public sealed class ScoreBodyTests
{
    private static readonly ClaimedScorePost Post = new(1, Guid.NewGuid(), "canvas", Guid.NewGuid(), 2, 1,
        "https://lms.example.edu/api/lti/courses/7/line_items/3?type_id=9", "user-1", 11.5, 14, GradingProgress.PendingManual,
        new DateTimeOffset(2026, 12, 6, 20, 31, 7, 520, TimeSpan.FromHours(2)).AddTicks(1230));

    [Fact]
    public void Score_carries_the_AGS_fields_with_the_revision_time_in_UTC_to_the_microsecond()
    {
        using var body = JsonDocument.Parse(LtiScoreSender.Body(Post));
        var root = body.RootElement;

        Assert.Equal("user-1", root.GetProperty("userId").GetString());
        Assert.Equal(11.5, root.GetProperty("scoreGiven").GetDouble());
        Assert.Equal(14, root.GetProperty("scoreMaximum").GetDouble());
        Assert.Equal("Completed", root.GetProperty("activityProgress").GetString());
        Assert.Equal("PendingManual", root.GetProperty("gradingProgress").GetString());
        Assert.Equal("2026-12-06T18:31:07.520123+00:00", root.GetProperty("timestamp").GetString());
        Assert.Equal(6, root.EnumerateObject().Count());
    }

    [Theory]
    [InlineData("https://lms.example.edu/api/lti/courses/7/line_items/3?type_id=9", "https://lms.example.edu/api/lti/courses/7/line_items/3/scores?type_id=9")]
    [InlineData("https://lms.example.edu/mod/lti/services.php/2/lineitems/5/lineitem?type_id=1", "https://lms.example.edu/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=1")]
    [InlineData("https://lms.example.edu/lineitems/5/", "https://lms.example.edu/lineitems/5/scores")]
    public void Scores_url_adds_the_path_segment_and_keeps_the_query(string lineItem, string expected) =>
        Assert.Equal(expected, LtiScoreSender.ScoresUrl(lineItem).AbsoluteUri);

    [Fact]
    public void Private_key_decrypts_only_with_the_same_key_and_kid()
    {
        var protection = new ToolKeyProtection(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var secret = Encoding.UTF8.GetBytes("a private key");
        var sealedBox = protection.Protect("kid-1", secret);

        Assert.Equal(secret, protection.Unprotect("kid-1", sealedBox));
        Assert.DoesNotContain("a private key", Encoding.UTF8.GetString(sealedBox), StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => protection.Unprotect("kid-2", sealedBox));
        var other = new ToolKeyProtection(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect("kid-1", sealedBox));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Missing_or_malformed_encryption_key_is_refused(string? key) =>
        Assert.Throws<InvalidOperationException>(() => new ToolKeyProtection(key));
}
