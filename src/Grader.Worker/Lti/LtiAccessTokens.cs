using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Grader.Data.Lti;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Grader.Worker.Lti;

/// <summary>An access token, or why none was had (and the platform's Retry-After).</summary>
public sealed record AccessTokenOutcome(string? Token, string? Error, TimeSpan? RetryAfter);

/// <summary>
/// AGS access tokens from a platform's token URL: the OAuth2 client-credentials grant with a JWT client assertion (RS256,
/// signed with the tool's newest key; iss = sub = client id, aud = token URL or the registered audience, iat, exp, jti),
/// scope <c>…/lti-ags/scope/score</c>. Cached per platform until shortly before expiry; one fetch at a time per platform.
/// </summary>
public sealed class LtiAccessTokens(HttpClient http, ToolKeyRing keys, IOptions<LtiOptions> options, TimeProvider clock)
{
    public const string ScoreScope = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    private static readonly TimeSpan AssertionLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset UseUntil)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _fetching = new(StringComparer.Ordinal);
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<AccessTokenOutcome> GetAsync(LtiPlatform platform, CancellationToken cancellationToken)
    {
        if (Cached(platform.Source) is { } cached)
        {
            return new AccessTokenOutcome(cached, null, null);
        }

        var gate = _fetching.GetOrAdd(platform.Source, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return Cached(platform.Source) is { } fetched ? new AccessTokenOutcome(fetched, null, null) : await FetchAsync(platform, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops a platform's token (it answered 401 to it: revoked or expired early).</summary>
    public void Forget(string source) => _cache.TryRemove(source, out _);

    private string? Cached(string source) =>
        _cache.TryGetValue(source, out var entry) && entry.UseUntil > clock.GetUtcNow() ? entry.Token : null;

    private async Task<AccessTokenOutcome> FetchAsync(LtiPlatform platform, CancellationToken cancellationToken)
    {
        var key = await keys.SigningKeyAsync(new ToolKeyProtection(options.Value.KeyEncryptionKey), cancellationToken);
        if (key is null)
        {
            return new AccessTokenOutcome(null, "the tool has no signing key (run `grader lti keys rotate`)", null);
        }

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = Assertion(platform, key),
            ["scope"] = ScoreScope,
        });
        var requested = clock.GetUtcNow();
        try
        {
            using var response = await http.PostAsync(platform.TokenUrl, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                return new AccessTokenOutcome(null, $"token endpoint: HTTP {(int)response.StatusCode} {Shorten(detail)}", LtiScoreSender.RetryAfter(response, clock));
            }

            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            if (string.IsNullOrEmpty(body?.AccessToken))
            {
                return new AccessTokenOutcome(null, "token endpoint: no access_token in the answer", null);
            }

            var life = TimeSpan.FromSeconds(body.ExpiresIn is > 0 ? body.ExpiresIn.Value : 3600);
            var margin = TimeSpan.FromTicks(Math.Min(options.Value.TokenRefreshMargin.Ticks, life.Ticks / 2));
            _cache[platform.Source] = (body.AccessToken, requested + life - margin);
            return new AccessTokenOutcome(body.AccessToken, null, null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AccessTokenOutcome(null, $"token endpoint: no answer within {http.Timeout.TotalSeconds:0.#} s", null);
        }
        catch (Exception exception) when (exception is HttpRequestException or System.Text.Json.JsonException)
        {
            return new AccessTokenOutcome(null, $"token endpoint: {exception.Message}", null);
        }
    }

    private string Assertion(LtiPlatform platform, SecurityKey key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = platform.ClientId,
            Audience = platform.AssertionAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + AssertionLifetime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = platform.ClientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text;

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);
}
