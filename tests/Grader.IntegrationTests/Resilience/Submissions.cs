using System.Net;
using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Resilience;

/// <summary>Posts a batch of distinct signed submissions, a few at a time like several LMS threads.</summary>
internal static class Submissions
{
    public static async Task<IReadOnlyList<Guid>> PostManyAsync(ServiceStack stack, int count)
    {
        var ids = new List<Guid>(count);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(8))
        {
            var responses = await Task.WhenAll(chunk.Select(_ =>
                stack.Webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial))));
            foreach (var response in responses)
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                ids.Add((await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id);
                response.Dispose();
            }
        }

        return ids;
    }
}
