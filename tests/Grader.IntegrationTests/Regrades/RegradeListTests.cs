using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Queries;

namespace Grader.IntegrationTests.Regrades;

/// <summary><c>GET /api/v1/regrades</c>: newest first, only what the key may see, filtered and paged.</summary>
public sealed class RegradeListTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>, IAsyncLifetime
{
    private const string Own = SeededCourse.Course;
    private const string Other = SeededCourse.OtherCourse;
    private static readonly DateTimeOffset T = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    // Written straight into regrade_jobs with known start times; j5 and j6 start at the same instant (order: id, descending).
    private static readonly (string Name, Guid Id, string? Course, string State, DateTimeOffset At)[] Jobs =
    [
        ("j1", Guid.Parse("00000000-0000-7000-8000-000000000001"), Own, "completed", T),
        ("j2", Guid.Parse("00000000-0000-7000-8000-000000000002"), Own, "running", T.AddMinutes(1)),
        ("j3", Guid.Parse("00000000-0000-7000-8000-000000000003"), Other, "running", T.AddMinutes(2)),
        ("j4", Guid.Parse("00000000-0000-7000-8000-000000000004"), null, "failed", T.AddMinutes(3)),
        ("j5", Guid.Parse("00000000-0000-7000-8000-000000000005"), Own, "cancelled", T.AddMinutes(4)),
        ("j6", Guid.Parse("00000000-0000-7000-8000-000000000006"), Own, "completed", T.AddMinutes(4)),
    ];

    private ServiceStack Stack => fixture.Stack;

    public async Task InitializeAsync()
    {
        foreach (var job in Jobs)
        {
            await using var insert = Stack.Db.CreateCommand("""
                insert into regrade_jobs (id, course, graded_with_version_other_than_current, reason, dry_run, state, planned_versions,
                                          created_at)
                values ($1, $2, false, 'list test', false, $3, '{}', $4) on conflict (id) do nothing
                """);
            insert.Parameters.AddWithValue(job.Id);
            insert.Parameters.AddWithValue((object?)job.Course ?? DBNull.Value);
            insert.Parameters.AddWithValue(job.State);
            insert.Parameters.AddWithValue(job.At);
            await insert.ExecuteNonQueryAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Admin_sees_every_job_newest_first()
    {
        Assert.Equal(["j6", "j5", "j4", "j3", "j2", "j1"], await ListAsync(Stack.Http, ""));
    }

    [Fact]
    public async Task Instructor_sees_only_its_courses_jobs()
    {
        using var instructor = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, Own));

        Assert.Equal(["j6", "j5", "j2", "j1"], await ListAsync(instructor, ""));
    }

    [Theory]
    [InlineData("?state=running", new[] { "j3", "j2" })]
    [InlineData($"?course={Own}&state=completed", new[] { "j6", "j1" })]
    [InlineData($"?course={Other}", new[] { "j3" })]
    public async Task Filters_by_course_and_state(string query, string[] expected)
    {
        Assert.Equal(expected, await ListAsync(Stack.Http, query));
    }

    [Fact]
    public async Task Pages_of_one_follow_the_cursor_through_every_job_once_even_across_equal_start_times()
    {
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetAsync(Stack.Http, "?limit=1" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(Names(page));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(["j6", "j5", "j4", "j3", "j2", "j1"], seen);
    }

    [Fact]
    public async Task Job_started_through_the_api_is_listed_first_and_running()
    {
        var started = await RegradeClient.StartAsync(Stack, new { course = Own, reason = "listed", submittedBefore = RegradeClient.OwnFilter() });

        var first = (await GetAsync(Stack.Http, $"?course={Own}")).GetProperty("items")[0];

        Assert.Equal(started.Id, first.GetProperty("id").GetGuid());
        Assert.Equal("running", first.GetProperty("state").GetString());
        Assert.Equal("listed", first.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("?state=done", "state")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?cursor=nope", "cursor")]
    public async Task Bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var problem = await QueryClient.GetProblemAsync(Stack, "/api/v1/regrades" + query, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Another_course_is_404_for_an_instructor_and_the_list_is_403_for_an_lms_key()
    {
        using var instructor = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, Own));
        using var lms = Stack.CreateClient(await Stack.CreateApiKeyAsync(ApiKeyRole.Lms, Own));

        Assert.Equal(HttpStatusCode.NotFound, (await instructor.GetAsync($"/api/v1/regrades?course={Other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lms.GetAsync("/api/v1/regrades")).StatusCode);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/regrades" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<string>> ListAsync(HttpClient client, string query) => Names(await GetAsync(client, query));

    // Only the jobs this class wrote: a test may also have started one through the API.
    private static List<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray()
        .Select(item => Jobs.FirstOrDefault(j => j.Id == item.GetProperty("id").GetGuid()).Name)
        .OfType<string>()
        .ToList();
}
