using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Api.ManualGrading;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.ManualGrading;

/// <summary>Submits cs189-dis4 answers with manual parts and grades them through the API, as staff would.</summary>
internal static class ManualClient
{
    public const string Course = "/api/v1/courses/cs189";
    private static readonly TimeSpan GradeTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A graded submission of <paramref name="student"/> to <paramref name="assignment"/> with text answers to 1a–1c.</summary>
    public static async Task<SubmissionView> SubmitAsync(ServiceStack stack, string assignment, string student)
    {
        var answers = new Dictionary<string, object>
        {
            ["1a"] = "q = x + y, then f = q z",
            ["1b"] = "x, y -> (+) -> q; q, z -> (*) -> f",
            ["1c"] = "forward: q = 3, f = -12; backward: df/dq = z",
            ["3b"] = 233,
        };
        var body = WebhookClient.Body(SeedAnswers.ProblemId, answers);
        body["assignment"] = assignment;
        body["studentId"] = student;
        using var response = await stack.Webhook.PostAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
        return await stack.WaitForStatusAsync(id, "graded", GradeTimeout);
    }

    public static string PartPath(Guid submission, string part) => $"{Course}/submissions/{submission}/manual/{part}";

    public static async Task<ManualAnswerView> GradeAsync(HttpClient client, Guid submission, string part, object grade)
    {
        using var response = await client.PutAsJsonAsync(PartPath(submission, part), grade);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ManualAnswerView>(ServiceStack.Json))!;
    }

    public static async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(ServiceStack.Json))!;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path) => await GetAsync<JsonElement>(client, path);

    public static async Task<IReadOnlyList<ManualPartCountView>> CountsAsync(HttpClient client, string assignment) =>
        await GetAsync<List<ManualPartCountView>>(client, $"{Course}/assignments/{assignment}/manual");

    public static ManualPartCountView Count(IReadOnlyList<ManualPartCountView> counts, string part) =>
        Assert.Single(counts, c => c.ProblemId == SeedAnswers.ProblemId && c.PartId == part);
}
