using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Resilience;

public sealed class CatalogSkewTests
{
    [Fact]
    public async Task Submission_the_worker_cannot_grade_is_marked_failed_with_the_reason()
    {
        // A worker deployed with an older catalog that lacks the problem the API accepted.
        var partialCatalog = Directory.CreateTempSubdirectory("grader-problems-");
        File.Copy(Path.Combine(TestServers.ProblemsDirectory, "mit-6390-rec6.yaml"), Path.Combine(partialCatalog.FullName, "mit-6390-rec6.yaml"));
        await using var stack = await ServiceStack.StartAsync();
        stack.StartWorker(new Dictionary<string, string> { ["Problems__Directory"] = partialCatalog.FullName });
        await stack.WaitForConsumersAsync(1);

        using var response = await stack.Webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial));
        var id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;

        var failed = await stack.WaitForStatusAsync(id, "failed", TimeSpan.FromSeconds(60));
        Assert.Contains(SeedAnswers.ProblemId, failed.FailureReason);
        Assert.Equal(0, await stack.ScalarAsync("select count(*) from results"));
        partialCatalog.Delete(recursive: true);
    }
}
