using System.Net;
using System.Net.Http.Json;
using Grader.Api.Problems;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Hardening;

/// <summary>With <c>Catalog:Courses</c> configured, a key sees only its courses' problems; an admin key sees all.</summary>
public sealed class ProblemVisibilityTests
{
    [Fact]
    public async Task A_key_sees_only_the_problems_of_its_courses()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: new Dictionary<string, string>
        {
            ["Catalog:Courses:cs189:0"] = "cs189-dis4",
            ["Catalog:Courses:6.036:0"] = "mit-6036-s17-hw4",
            ["Catalog:Courses:6.036:1"] = "mit-6390-rec6",
        });
        using var cs189 = stack.CreateClient(await stack.CreateApiKeyAsync(ApiKeyRole.Lms, "cs189"));
        using var mit = stack.CreateClient(await stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "6.036"));

        Assert.Equal(["cs189-dis4"], await IdsAsync(cs189));
        Assert.Equal(["mit-6036-s17-hw4", "mit-6390-rec6"], await IdsAsync(mit));
        Assert.Equal(ServedProblemCount, (await IdsAsync(stack.Http)).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await cs189.GetAsync("/api/v1/problems/mit-6036-s17-hw4")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cs189.GetAsync("/api/v1/problems/cs189-dis4")).StatusCode);
    }

    [Fact]
    public async Task Without_a_catalog_section_every_key_sees_every_problem()
    {
        await using var stack = await ServiceStack.StartAsync();
        using var lms = stack.CreateClient(await stack.CreateApiKeyAsync(ApiKeyRole.Lms, "cs189"));

        Assert.Equal(ServedProblemCount, (await IdsAsync(lms)).Count);
    }

    // Every file at the top of problems/ is served (the reference sets and their randomized versions).
    private static int ServedProblemCount => Directory.GetFiles(TestServers.ProblemsDirectory, "*.yaml").Length;

    private static async Task<List<string>> IdsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<ProblemView>>("/api/v1/problems", ServiceStack.Json))!.Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
}
