using System.Net;
using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Resilience;

public sealed class BrokerOutageTests
{
    [Fact]
    public async Task Submission_arriving_while_the_broker_is_down_is_stored_and_graded_once_it_is_back()
    {
        await using var stack = await ServiceStack.StartAsync(ownServers: true);
        stack.StartWorker();
        await stack.WaitForConsumersAsync(1);

        Guid id;
        await Broker.StopAsync(stack);
        try
        {
            using var response = await stack.Webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
            await Task.Delay(TimeSpan.FromSeconds(4)); // longer than the sweeper's queued age: it must not lose it meanwhile
            Assert.Equal("queued", (await stack.GetSubmissionAsync(id)).Status);
        }
        finally
        {
            await Broker.StartAsync(stack);
        }

        var graded = await stack.WaitForStatusAsync(id, "graded", TimeSpan.FromSeconds(90));
        Assert.Equal("correct", graded.Parts!.Single(p => p.PartId == "3b").Status);
        Assert.Equal(1, await stack.ScalarAsync($"select count(*) from results where submission_id = '{id}'"));
    }
}
