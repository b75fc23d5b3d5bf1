using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Grader.Api.Lti;
using Grader.Api.Submissions;
using Grader.Data.Lti;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Lti;

/// <summary>What the LTI tests share: settings, the tool's key, registering the fake platform, posting with a line item.</summary>
internal static partial class LtiSetup
{
    /// <summary>The workers' and the CLI's Lti:KeyEncryptionKey (32 bytes).</summary>
    public const string EncryptionKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    public const string ClientId = "grader-tool";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The API accepts the fake platform's http://127.0.0.1 URLs.</summary>
    public static Dictionary<string, string> Api => new() { ["Lti__AllowHttpLoopback"] = "true" };

    public static Dictionary<string, string> Worker => new()
    {
        ["Lti__KeyEncryptionKey"] = EncryptionKey,
        ["Lti__Delivery__FirstRetryDelay"] = "00:00:00.200",
        ["Lti__Delivery__MaxRetryDelay"] = "00:00:01",
        ["Lti__Delivery__PollInterval"] = "00:00:00.100",
        ["Lti__Delivery__Timeout"] = "00:00:03",
        ["Lti__PlatformRefresh"] = "00:00:00.200",
    };

    public static Task<string> RotateKeyAsync(ServiceStack stack) =>
        new ToolKeyRing(stack.Db, TimeProvider.System).RotateAsync(new ToolKeyProtection(EncryptionKey), CancellationToken.None);

    /// <summary>A fake platform that fetches the JWKS from the API anonymously, as a platform does.</summary>
    public static Task<FakeLtiPlatform> StartPlatformAsync(ServiceStack stack, string clientId = ClientId)
    {
        var anonymous = stack.CreateClient(null);
        return new FakeLtiPlatform(clientId, () => anonymous.GetStringAsync("/.well-known/jwks.json")).StartAsync();
    }

    /// <summary>Registers <paramref name="platform"/> for the stack's webhook source through the admin API.</summary>
    public static async Task RegisterAsync(ServiceStack stack, FakeLtiPlatform platform, string clientId = ClientId,
        string source = ServiceStack.Source)
    {
        using var response = await stack.Http.PostAsJsonAsync("/api/v1/lti/platforms", new LtiPlatformRequest(
            source, platform.Issuer, clientId, "deployment-1", platform.TokenUrl, null));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Posts answers to cs189-dis4, naming a line item when given; returns the submission id.</summary>
    public static async Task<Guid> PostAsync(ServiceStack stack, object answers, string? lineItem = null, string? userId = null,
        WebhookClient? webhook = null)
    {
        var body = WebhookClient.Body(Infrastructure.SeedAnswers.ProblemId, answers);
        if (lineItem is not null)
        {
            body["lti"] = new Dictionary<string, string?> { ["lineItem"] = lineItem, ["userId"] = userId };
        }

        using var response = await (webhook ?? stack.Webhook).PostAsync(body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
    }

    public static async Task<ScorePostDelivery> WaitForPostAsync(ServiceStack stack, Guid submissionId, Func<ScorePostDelivery, bool> condition,
        string what)
    {
        ScorePostDelivery? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            var page = await stack.Http.GetFromJsonAsync<ScorePostsPage>($"/api/v1/lti/scores?submission={submissionId}", ServiceStack.Json);
            found = page!.Items.FirstOrDefault(condition);
            return found is not null;
        }, Timeout, what);
        return found!;
    }

    /// <summary>The graded_at of a submission's revision, as stored (the Score's timestamp must be it).</summary>
    public static async Task<DateTimeOffset> RevisionTimeAsync(ServiceStack stack, Guid submissionId, int revision)
    {
        await using var command = stack.Db.CreateCommand("select graded_at from results where submission_id = $1 and revision = $2");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = submissionId });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = revision });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    /// <summary>Removes every manual part of cs189-dis4 in a problems copy, so its grades are final (FullyGraded).</summary>
    public static void RemoveManualParts(string problemsDirectory)
    {
        var file = Path.Combine(problemsDirectory, "cs189-dis4.yaml");
        var text = File.ReadAllText(file);
        var stripped = ManualPart().Replace(text, "");
        Assert.NotEqual(text, stripped);
        Assert.DoesNotContain("kind: manual", stripped, StringComparison.Ordinal);
        File.WriteAllText(file, stripped);
    }

    [GeneratedRegex("^  - id: \"[^\"]+\"\\n    kind: manual\\n(?:(?:    .*)?\\n)*", RegexOptions.Multiline)]
    private static partial Regex ManualPart();
}
