using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.BrowserTests.Infrastructure;
using Grader.Contracts;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// A browser stack with a worker (grading and regrade batches), for the grading queue and regrade pages: answers arrive by
/// the signed webhook and are graded by the real worker, as in production. Every submission here is of course cs189.
/// </summary>
public sealed class GradingStack : IAsyncLifetime
{
    public const string Course = "cs189";
    public const string ProblemId = "cs189-dis4";
    private static readonly DateTimeOffset FirstSubmittedAt = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static int _submitted;

    public BrowserStack Browser { get; } = new();

    public ServiceStack Stack => Browser.Stack;

    public WorkerProcess Worker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        Worker = Stack.StartWorker();
        await Stack.WaitForConsumersAsync(1);
        await Stack.WaitForConsumersAsync(1, queue: QueueNames.RegradeBatch);
    }

    /// <summary>
    /// A graded cs189-dis4 submission of <paramref name="student"/> whose manual parts 1a–1c hold <paramref name="text"/>
    /// (1a) and fixed texts; each call is submitted a minute after the last, so the grading order is the call order, unless
    /// <paramref name="at"/> names the time (a screenshot's, the same on every run).
    /// </summary>
    public async Task<SubmissionView> SubmitAsync(string assignment, string student, string text = "q = x + y, then f = q z",
        DateTimeOffset? at = null)
    {
        at ??= FirstSubmittedAt.AddMinutes(Interlocked.Increment(ref _submitted));
        var body = WebhookClient.Body(ProblemId, new Dictionary<string, object>
        {
            ["1a"] = text,
            ["1b"] = "x, y -> (+) -> q; q, z -> (*) -> f",
            ["1c"] = "forward: q = 3, f = -12; backward: df/dq = z",
            ["3b"] = 233,
        });
        body["assignment"] = assignment;
        body["studentId"] = student;
        body["submittedAt"] = at.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var response = await Stack.Webhook.PostAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
        return await Stack.WaitForStatusAsync(id, "graded", TimeSpan.FromSeconds(60));
    }

    public Task DisposeAsync() => Browser.DisposeAsync();
}
