using System.Net;
using System.Net.Http.Json;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;
using static Grader.IntegrationTests.ManualGrading.ManualClient;

namespace Grader.IntegrationTests.ManualGrading;

/// <summary>Manual grading has the API's keys, roles and course scoping: another course is absent, an lms key is refused.</summary>
public sealed class ManualGradingAccessTests(ManualGradingFixture fixture) : IClassFixture<ManualGradingFixture>
{
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task Instructor_of_another_course_gets_404_and_changes_nothing()
    {
        var submission = await SubmitAsync(Stack, "x-scope", "e1");
        var item = await GetAsync<List<Grader.Api.ManualGrading.RubricItemView>>(fixture.Instructor,
            $"{Course}/problems/cs189-dis4/parts/1a/rubric");
        using var other = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs229"));

        var responses = new[]
        {
            await other.GetAsync($"{Course}/assignments/x-scope/manual"),
            await other.GetAsync($"{Course}/assignments/x-scope/manual/cs189-dis4/1a"),
            await other.GetAsync(PartPath(submission.Id, "1a")),
            await other.PutAsJsonAsync(PartPath(submission.Id, "1a"), new { points = 1 }),
            await other.GetAsync($"{Course}/problems/cs189-dis4/parts/1a/rubric"),
            await other.PostAsJsonAsync($"{Course}/problems/cs189-dis4/parts/1a/rubric", new { label = "x", points = 1 }),
            await other.PutAsJsonAsync($"{Course}/rubric/{item[0].Id}", new { label = "x", points = 0 }),
            await other.DeleteAsync($"{Course}/rubric/{item[0].Id}"),
            // Its own course in the route, another course's submission and item: absent too.
            await other.PutAsJsonAsync($"/api/v1/courses/cs229/submissions/{submission.Id}/manual/1a", new { points = 1 }),
            await other.DeleteAsync($"/api/v1/courses/cs229/rubric/{item[0].Id}"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(1, await Stack.ScalarAsync($"select count(*) from results where submission_id = '{submission.Id}'"));
        Assert.Equal(1, await Stack.ScalarAsync($"select count(*) from rubric_items where id = '{item[0].Id}' and label = 'Two functions'"));
    }

    [Fact]
    public async Task Lms_key_gets_403()
    {
        var submission = await SubmitAsync(Stack, "x-lms", "e2");
        using var lms = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Lms, "cs189"));

        using var list = await lms.GetAsync($"{Course}/assignments/x-lms/manual");
        using var grade = await lms.PutAsJsonAsync(PartPath(submission.Id, "1a"), new { points = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, grade.StatusCode);
    }

    [Fact]
    public async Task Endpoints_are_in_the_openapi_document_for_instructor_and_admin_keys_only()
    {
        var document = await GetJsonAsync(Stack.Http, "/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/v1/courses/{course}/assignments/{assignment}/manual",
                     "/api/v1/courses/{course}/assignments/{assignment}/manual/{problemId}/{partId}",
                     "/api/v1/courses/{course}/submissions/{id}/manual/{partId}",
                     "/api/v1/courses/{course}/problems/{problemId}/parts/{partId}/rubric",
                     "/api/v1/courses/{course}/rubric/{itemId}",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out var operations), path);
            // Each operation asks for a bearer key of one of the two roles the policy lets in (lms keys get 403).
            foreach (var operation in operations.EnumerateObject().Where(o => o.Name is "get" or "put" or "post" or "delete"))
            {
                var requirement = Assert.Single(operation.Value.GetProperty("security").EnumerateArray());
                var roles = requirement.GetProperty("apiKey").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal);
                Assert.Equal(["admin", "instructor"], roles);
            }
        }
    }
}
