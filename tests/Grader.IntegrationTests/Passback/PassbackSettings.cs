using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Passback;

/// <summary>Worker settings that send a source's grades to a receiver, with retries in milliseconds so tests stay short.</summary>
internal static class PassbackSettings
{
    public static Dictionary<string, string> Worker(params (string Source, string Secret, string Url)[] callbacks)
    {
        var settings = new Dictionary<string, string>
        {
            ["Webhooks__Delivery__FirstRetryDelay"] = "00:00:00.200",
            ["Webhooks__Delivery__MaxRetryDelay"] = "00:00:01",
            ["Webhooks__Delivery__PollInterval"] = "00:00:00.100",
            ["Webhooks__Delivery__Timeout"] = "00:00:03",
        };
        foreach (var (source, secret, url) in callbacks)
        {
            settings[$"Webhooks__Sources__{source}__Secret"] = secret;
            settings[$"Webhooks__Sources__{source}__CallbackUrl"] = url;
        }

        return settings;
    }

    public static Dictionary<string, string> Worker(GradeReceiver receiver) =>
        Worker((ServiceStack.Source, ServiceStack.Secret, receiver.Url));

    /// <summary>Posts answers to cs189-dis4 and waits until they are graded; returns the submission ids.</summary>
    public static async Task<List<Guid>> PostAndGradeAsync(ServiceStack stack, WebhookClient webhook, int count, object answers,
        TimeSpan timeout)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            using var response = await webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, answers));
            response.EnsureSuccessStatusCode();
            ids.Add((await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id);
        }

        foreach (var id in ids)
        {
            await stack.WaitForStatusAsync(id, "graded", timeout);
        }

        return ids;
    }

    // q = 3.02 is within the default rtol 0.01 of 3 and outside rtol 0.001 (ProblemsFolder.NarrowToleranceOf1d).
    public static object Answers(double q) => new Dictionary<string, object>
    {
        ["1d"] = new Dictionary<string, double> { ["q"] = q, ["f"] = -12, ["df_dq"] = -4, ["df_dz"] = 3, ["df_dx"] = -4, ["df_dy"] = -4 },
        ["3b"] = 233,
    };
}
