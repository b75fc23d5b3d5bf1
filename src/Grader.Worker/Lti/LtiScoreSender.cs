using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grader.Data.Lti;
using Grader.Worker.Passback;

namespace Grader.Worker.Lti;

/// <summary>
/// Posts one AGS Score (<c>application/vnd.ims.lis.v1.score+json</c>) to <c>&lt;line item&gt;/scores</c> with a bearer
/// token. The Score was fixed when the grade committed, so a retry posts the same Score, and its timestamp (the
/// revision's time) lets the platform ignore one older than what it holds.
/// </summary>
public sealed class LtiScoreSender(HttpClient http, LtiAccessTokens tokens, TimeProvider clock)
{
    public const string ScoreMediaType = "application/vnd.ims.lis.v1.score+json";

    public async Task<SendOutcome> SendAsync(ClaimedScorePost post, LtiPlatform platform, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(platform, cancellationToken);
        if (token.Token is null)
        {
            return new SendOutcome(false, token.Error, token.RetryAfter);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, ScoresUrl(post.LineItemUrl)) { Content = new ByteArrayContent(Body(post)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ScoreMediaType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new SendOutcome(true, null, null);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The token was revoked or expired early: the retry fetches a new one.
                tokens.Forget(platform.Source);
            }

            return new SendOutcome(false, $"scores endpoint: HTTP {(int)response.StatusCode} {response.ReasonPhrase}", RetryAfter(response, clock));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(false, $"scores endpoint: no answer within {http.Timeout.TotalSeconds:0.#} s", null);
        }
        catch (HttpRequestException exception)
        {
            return new SendOutcome(false, $"scores endpoint: {exception.Message}", null);
        }
    }

    /// <summary>The line item URL with <c>/scores</c> added to its path, its query (Canvas's, Moodle's) kept.</summary>
    public static Uri ScoresUrl(string lineItemUrl)
    {
        var builder = new UriBuilder(lineItemUrl);
        builder.Path = builder.Path.TrimEnd('/') + "/scores";
        return builder.Uri;
    }

    public static byte[] Body(ClaimedScorePost post)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("userId", post.UserId);
            json.WriteNumber("scoreGiven", post.ScoreGiven);
            json.WriteNumber("scoreMaximum", post.ScoreMaximum);
            json.WriteString("activityProgress", "Completed");
            json.WriteString("gradingProgress", post.GradingProgress);
            json.WriteString("timestamp", post.Timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
