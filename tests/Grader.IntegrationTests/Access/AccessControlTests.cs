using System.Net;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Queries;

namespace Grader.IntegrationTests.Access;

public sealed class AccessControlTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private const string Own = SeededCourse.Course;
    private const string Other = SeededCourse.OtherCourse;

    // Endpoint × role × own/other course → status. Keys are issued for course 6.036 (admin keys for none).
    public static TheoryData<string, ApiKeyRole, string, HttpStatusCode> Table()
    {
        var table = new TheoryData<string, ApiKeyRole, string, HttpStatusCode>();
        foreach (var course in new[] { Own, Other })
        {
            var theirs = course == Own ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            table.Add("submission", ApiKeyRole.Lms, course, theirs);
            table.Add("submission", ApiKeyRole.Instructor, course, theirs);
            table.Add("submission", ApiKeyRole.Admin, course, HttpStatusCode.OK);
            table.Add("results", ApiKeyRole.Lms, course, theirs);
            table.Add("results", ApiKeyRole.Instructor, course, theirs);
            table.Add("results", ApiKeyRole.Admin, course, HttpStatusCode.OK);
            foreach (var query in new[] { "summary", "gradebook", "gradebook.csv", "history" })
            {
                table.Add(query, ApiKeyRole.Lms, course, HttpStatusCode.Forbidden);
                table.Add(query, ApiKeyRole.Instructor, course, theirs);
                table.Add(query, ApiKeyRole.Admin, course, HttpStatusCode.OK);
            }

            foreach (var role in Enum.GetValues<ApiKeyRole>())
            {
                table.Add("problems", role, course, HttpStatusCode.OK);
            }
        }

        return table;
    }

    public static TheoryData<string> Endpoints => new("submission", "results", "summary", "gradebook", "gradebook.csv", "history", "problems");

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Key_sees_exactly_what_its_role_and_courses_allow(string endpoint, ApiKeyRole role, string course, HttpStatusCode expected)
    {
        var key = await fixture.Stack.CreateApiKeyAsync(role, role == ApiKeyRole.Admin ? [] : [Own]);
        using var client = fixture.Stack.CreateClient(key);

        using var response = await client.GetAsync(PathOf(endpoint, course));

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Missing_unknown_malformed_or_revoked_key_is_401(string endpoint)
    {
        var revoked = await fixture.Stack.IssueApiKeyAsync(ApiKeyRole.Admin);
        await fixture.Stack.Keys.RevokeAsync(revoked.Key.Id, CancellationToken.None);

        foreach (var key in new[] { null, ApiKeyToken.Generate(), "not-a-key", revoked.Token })
        {
            using var client = fixture.Stack.CreateClient(key);
            using var response = await client.GetAsync(PathOf(endpoint, Own));

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{key ?? "no key"}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task Health_and_openapi_stay_public()
    {
        using var client = fixture.Stack.CreateClient(null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Signed_webhook_needs_no_key()
    {
        using var client = fixture.Stack.CreateClient(null);
        var webhook = new WebhookClient(client, ServiceStack.Source, ServiceStack.Secret);

        using var response = await webhook.PostAsync(WebhookClient.Body(SeedAnswers.ProblemId, SeedAnswers.Partial));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private string PathOf(string endpoint, string course) => endpoint switch
    {
        "submission" => $"/api/v1/submissions/{(course == Own ? fixture.OwnSubmission : fixture.OtherCourseSubmission)}",
        "results" => $"/api/v1/submissions/{(course == Own ? fixture.OwnSubmission : fixture.OtherCourseSubmission)}/results",
        "summary" => $"/api/v1/courses/{course}/assignments/hw4/summary",
        "gradebook" => $"/api/v1/courses/{course}/assignments/hw4/gradebook",
        "gradebook.csv" => $"/api/v1/courses/{course}/assignments/hw4/gradebook?format=csv",
        "history" => $"/api/v1/courses/{course}/students/s1/submissions",
        "problems" => "/api/v1/problems",
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };
}
