using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.Data.Passback;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Passback;

/// <summary>A submission that cannot be graded reaches the LMS as one <c>submission.failed</c>, stored with the failure.</summary>
public sealed class FailedEventTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Submission_the_worker_cannot_grade_sends_one_failed_event_with_no_score_and_revision_0()
    {
        // A worker deployed with an older catalog that lacks the problem the API accepted.
        var partialCatalog = Directory.CreateTempSubdirectory("grader-problems-");
        File.Copy(Path.Combine(TestServers.ProblemsDirectory, "mit-6390-rec6.yaml"), Path.Combine(partialCatalog.FullName, "mit-6390-rec6.yaml"));
        try
        {
            await using var receiver = new GradeReceiver(ServiceStack.Secret).Start();
            await using var stack = await ServiceStack.StartAsync();
            var settings = PassbackSettings.Worker(receiver);
            settings["Problems__Directory"] = partialCatalog.FullName;
            stack.StartWorker(settings);
            await stack.WaitForConsumersAsync(1);

            var id = await PostAsync(stack);
            await stack.WaitForStatusAsync(id, "failed", Timeout);
            await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 1), Timeout, "the failed event");
            await Task.Delay(TimeSpan.FromSeconds(1));

            var failed = Assert.Single(receiver.Accepted);
            Assert.Equal((GradeEventTypes.Failed, id, 0, "failed"), (failed.Type, failed.SubmissionId, failed.Revision, failed.Status));
            Assert.Equal(((double?)null, (double?)null), (failed.Score, failed.MaxScore));
            Assert.Empty(failed.Body.GetProperty("parts").EnumerateArray());
            Assert.Equal(0, receiver.BadSignatures);
        }
        finally
        {
            partialCatalog.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Submission_past_its_attempts_is_failed_and_its_failed_event_is_stored_in_the_same_commit()
    {
        await using var receiver = new GradeReceiver(ServiceStack.Secret).Start();
        await using var stack = await ServiceStack.StartAsync();
        // Stored with no worker running, then made to look as if it had already killed 10 workers (Worker:MaxAttempts).
        var id = await PostAsync(stack);
        await stack.ScalarAsync($"update submissions set attempts = 10 where id = '{id}' returning attempts");
        stack.StartWorker(PassbackSettings.Worker(receiver));

        await stack.WaitForStatusAsync(id, "failed", Timeout);
        // Stored with the failure (one commit): once the submission reads failed, its event is there.
        Assert.Equal(1, await stack.ScalarAsync(
            $"select count(*) from grade_events e join submissions s on s.id = e.submission_id where s.id = '{id}' and s.status = 'failed' and e.type = 'submission.failed'"));
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 1), Timeout, "the failed event");
        Assert.Equal((GradeEventTypes.Failed, id), (receiver.Accepted[0].Type, receiver.Accepted[0].SubmissionId));
    }

    private static async Task<Guid> PostAsync(ServiceStack stack)
    {
        using var response = await stack.Webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
    }
}
