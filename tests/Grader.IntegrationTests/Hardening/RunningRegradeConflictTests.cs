using System.Net;
using System.Net.Http.Json;
using Grader.IntegrationTests.Queries;
using Grader.IntegrationTests.Regrades;

namespace Grader.IntegrationTests.Hardening;

/// <summary>
/// A second regrade with the filter of one still running, whatever its reason, is a 409 naming the running job; nothing is
/// planned.
/// </summary>
public sealed class RunningRegradeConflictTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    [Fact]
    public async Task The_same_filter_while_a_job_runs_is_409_with_its_id_until_it_is_cancelled()
    {
        // No worker: the job stays running.
        var running = await RegradeClient.StartAsync(fixture.Stack, new { course = SeededCourse.Course, reason = "first", dryRun = true });
        Assert.Equal("running", running.State);
        var jobsBefore = await fixture.Stack.ScalarAsync("select count(*) from regrade_jobs");

        using var again = await fixture.Stack.Http.PostAsJsonAsync("/api/v1/regrades",
            new { course = SeededCourse.Course, reason = "again, other words", dryRun = true });
        var problem = await again.Content.ReadAsStringAsync();

        Assert.True(again.StatusCode == HttpStatusCode.Conflict, $"{(int)again.StatusCode} {problem}");
        Assert.Contains(running.Id.ToString(), problem, StringComparison.Ordinal);
        // Another reason is the same work: the answer says the reason is no part of the filter.
        Assert.Contains("whatever the reason", problem, StringComparison.Ordinal);
        Assert.Equal(jobsBefore, await fixture.Stack.ScalarAsync("select count(*) from regrade_jobs"));

        // Another filter (a real run, another assignment) is another job.
        await RegradeClient.StartAsync(fixture.Stack, new { course = SeededCourse.Course, assignment = SeededCourse.Assignment, reason = "other", dryRun = true });

        (await fixture.Stack.Http.PostAsync($"/api/v1/regrades/{running.Id}/cancel", null)).EnsureSuccessStatusCode();
        await RegradeClient.StartAsync(fixture.Stack, new { course = SeededCourse.Course, reason = "after cancel", dryRun = true });
    }
}
