using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Grader.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Grader.IntegrationTests.Lti;

/// <summary>
/// An LMS's LTI 1.3 side on a real Kestrel server on loopback. Its token endpoint checks the client-credentials request
/// and the JWT client assertion against the tool's JWKS, fetched from the running API at each request (RS256 signature by
/// a served kid, iss = sub = client id, aud = the token URL, exp, iat, jti never seen before), and the AGS score scope. Its
/// scores endpoint checks the bearer token, the Score media type and the Score's fields as AGS states them, then records
/// the Score (or answers as scripted first).
/// </summary>
internal sealed class FakeLtiPlatform : IAsyncDisposable
{
    public const string ScoreScope = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    private static readonly string[] ActivityProgress = ["Initialized", "Started", "InProgress", "Submitted", "Completed"];
    private static readonly string[] GradingProgress = ["FullyGraded", "Pending", "PendingManual", "Failed", "NotReady"];

    private readonly Func<Task<string>> _jwks;
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _jtis = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _script = new();
    private readonly ConcurrentQueue<ReceivedScore> _scores = new();
    private readonly ConcurrentQueue<string> _refusals = new();
    private readonly ConcurrentQueue<string> _assertionKids = new();
    private readonly ConcurrentQueue<int> _scoreAnswers = new();
    private int _hungScorePosts;

    /// <param name="jwks">Fetches the tool's JWKS over HTTP from the API under test.</param>
    public FakeLtiPlatform(string clientId, Func<Task<string>> jwks)
    {
        ClientId = clientId;
        _jwks = jwks;
        Port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Base);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/token", IssueTokenAsync);
        _app.MapPost("/lineitems/{name}/scores", ReceiveScoreAsync);
    }

    public string ClientId { get; }
    public int Port { get; }
    public string Base => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");
    public string Issuer => Base;
    public string TokenUrl => Base + "/token";

    public string LineItem(string name) => $"{Base}/lineitems/{name}";

    /// <summary>Scores accepted (2xx), in arrival order.</summary>
    public IReadOnlyList<ReceivedScore> Scores => _scores.ToList();

    /// <summary>Why each refused token request was refused.</summary>
    public IReadOnlyList<string> Refusals => _refusals.ToList();

    /// <summary>The kid of every accepted client assertion.</summary>
    public IReadOnlyList<string> AssertionKids => _assertionKids.ToList();

    /// <summary>The status of every authorised, well-formed Score post.</summary>
    public IReadOnlyList<int> ScoreAnswers => _scoreAnswers.ToList();

    /// <summary>While set, the token endpoint takes a minute to answer (a platform that hangs).</summary>
    public bool Hanging { get; set; }

    /// <summary>While set, a well-formed Score post gets no answer for a minute and is not recorded.</summary>
    public bool HangingScores { get; set; }

    /// <summary>Score posts left hanging.</summary>
    public int HungScorePosts => Volatile.Read(ref _hungScorePosts);

    /// <summary>The next Score posts get this status instead of 200.</summary>
    public void Answer(int status, int times) => Enumerable.Range(0, times).ToList().ForEach(_ => _script.Enqueue(status));

    public async Task<FakeLtiPlatform> StartAsync()
    {
        await _app.StartAsync();
        return this;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> IssueTokenAsync(HttpRequest request)
    {
        if (Hanging)
        {
            await Task.Delay(TimeSpan.FromMinutes(1), request.HttpContext.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
        }

        if (!request.HasFormContentType)
        {
            return Refuse("invalid_request", "not a form post");
        }

        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials"
            || form["client_assertion_type"] != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        {
            return Refuse("unsupported_grant_type", $"grant_type {form["grant_type"]}, assertion type {form["client_assertion_type"]}");
        }

        if (!form["scope"].ToString().Split(' ').Contains(ScoreScope, StringComparer.Ordinal))
        {
            return Refuse("invalid_scope", $"scope '{form["scope"]}'");
        }

        var keys = new JsonWebKeySet(await _jwks()).GetSigningKeys();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"].ToString(), new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = TokenUrl,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!result.IsValid)
        {
            return Refuse("invalid_client", result.Exception?.Message ?? "invalid assertion");
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (token.Subject != ClientId || !token.TryGetPayloadValue<long>("iat", out _))
        {
            return Refuse("invalid_client", $"sub '{token.Subject}' or iat missing");
        }

        if (string.IsNullOrEmpty(token.Id) || !_jtis.TryAdd(token.Id, 0))
        {
            return Refuse("invalid_client", $"jti '{token.Id}' missing or reused");
        }

        _assertionKids.Enqueue(token.Kid);
        var accessToken = Guid.NewGuid().ToString("N");
        _tokens[accessToken] = 0;
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken, ["token_type"] = "Bearer", ["expires_in"] = 3600, ["scope"] = ScoreScope,
        });
    }

    private IResult Refuse(string error, string why)
    {
        _refusals.Enqueue(why);
        return Results.Json(new { error, error_description = why }, statusCode: StatusCodes.Status401Unauthorized);
    }

    private async Task<IResult> ReceiveScoreAsync(string name, HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(authorization["Bearer ".Length..]))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (request.ContentType != "application/vnd.ims.lis.v1.score+json")
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        if (ReceivedScore.Read(name, body.RootElement) is not { } score)
        {
            return Results.BadRequest();
        }

        if (HangingScores)
        {
            Interlocked.Increment(ref _hungScorePosts);
            await Task.Delay(TimeSpan.FromMinutes(1), request.HttpContext.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
        }

        var status = _script.TryDequeue(out var scripted) ? scripted : 200;
        _scoreAnswers.Enqueue(status);
        if (status is >= 200 and < 300)
        {
            _scores.Enqueue(score);
        }

        return Results.StatusCode(status);
    }

    /// <summary>A Score as the platform read it; null when a field is missing or outside what AGS allows.</summary>
    internal sealed record ReceivedScore(
        string LineItem, string UserId, double ScoreGiven, double ScoreMaximum, string ActivityProgress, string GradingProgress,
        DateTimeOffset Timestamp)
    {
        public static ReceivedScore? Read(string lineItem, JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("userId", out var user) || user.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("scoreGiven", out var given) || given.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("scoreMaximum", out var maximum) || maximum.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("activityProgress", out var activity) || !FakeLtiPlatform.ActivityProgress.Contains(activity.GetString())
                || !root.TryGetProperty("gradingProgress", out var grading) || !FakeLtiPlatform.GradingProgress.Contains(grading.GetString())
                || !root.TryGetProperty("timestamp", out var timestamp)
                || !DateTimeOffset.TryParseExact(timestamp.GetString(), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var at)
                || given.GetDouble() < 0 || maximum.GetDouble() <= 0)
            {
                return null;
            }

            return new ReceivedScore(lineItem, user.GetString()!, given.GetDouble(), maximum.GetDouble(), activity.GetString()!,
                grading.GetString()!, at);
        }
    }
}
