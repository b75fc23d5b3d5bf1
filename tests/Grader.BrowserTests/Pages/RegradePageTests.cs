using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// The regrade pages in a real Chromium against the real API, worker, RabbitMQ and PostgreSQL. Each test seeds its own
/// assignment of cs189 submissions graded long ago against an older version of the problem (score 0, no parts), so a
/// regrade of that assignment changes every one of them and no two tests' jobs share a filter.
/// </summary>
public sealed class RegradePageTests(GradingStack fixture) : IClassFixture<GradingStack>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_dry_run_shows_what_would_change_and_writes_nothing_then_the_real_regrade_changes_it()
    {
        var seeded = await SeedAsync("r-run", 3);
        var page = await SignedInAsync();

        await page.GotoAsync("/regrades");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a regrade" }).ClickAsync();
        await page.GetByLabel("Assignment (optional)").FillAsync("r-run");
        await page.GetByLabel("Only submissions graded with an older version").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("answers graded before the key was fixed");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync());
        await WaitForStateAsync(page, "completed");

        Assert.StartsWith("Dry run of cs189, assignment r-run", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(),
            StringComparison.Ordinal);
        Assert.Equal(("3", "3", "3"), (await Text(page, "#job-total"), await Text(page, "#job-done"), await Text(page, "#job-changed")));
        var rows = page.Locator("#changes tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        Assert.Contains("3b: ", await rows.First.InnerTextAsync());
        Assert.Equal(3, await fixture.Stack.ScalarAsync("select count(*) from results r join submissions s on s.id = r.submission_id where s.assignment = 'r-run'"));

        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Regrade for real" }).ClickAsync());
        // The job page polls its progress while the job runs, then reloads once it has ended.
        await WaitForStateAsync(page, "completed");

        Assert.StartsWith("Regrade of cs189", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("3", await Text(page, "#job-changed"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Regrade for real" }).CountAsync());
        foreach (var id in seeded)
        {
            var now = await fixture.Stack.GetSubmissionAsync(id);
            Assert.True(now.Score > 0, $"{id} still scores {now.Score}");
        }

        await page.GotoAsync("/regrades");
        Assert.Equal(2, await page.Locator("#jobs tbody tr", new() { HasText = "assignment r-run" }).CountAsync());
    }

    [Fact]
    public async Task The_progress_bar_follows_a_running_job_without_a_reload_and_cancel_stops_it()
    {
        await SeedAsync("r-cancel", 2);
        var page = await SignedInAsync();
        // A paused worker leaves the job running with nothing done, long enough to watch and cancel it.
        fixture.Worker.Pause();
        try
        {
            await page.GotoAsync("/regrades/new");
            await page.GetByLabel("Assignment (optional)").FillAsync("r-cancel");
            await page.GetByLabel("Reason").FillAsync("to be cancelled");
            await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync());
            Assert.Equal(("running", "0", "2"), (await Text(page, "#job-state"), await Text(page, "#job-done"), await Text(page, "#job-total")));

            var poll = await page.WaitForResponseAsync(r => r.Url.Contains("handler=progress", StringComparison.Ordinal));
            Assert.Equal(200, poll.Status);
            Assert.Contains("\"state\":\"running\"", await poll.TextAsync());

            await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Cancel this job" }).ClickAsync());

            Assert.StartsWith("Cancelled", await Text(page, "#notice"), StringComparison.Ordinal);
            Assert.Equal("cancelled", await Text(page, "#job-state"));
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this job" }).CountAsync());
        }
        finally
        {
            fixture.Worker.Resume();
        }
    }

    [Fact]
    public async Task Staff_of_another_course_cannot_start_or_open_its_regrades()
    {
        await SeedAsync("r-scope", 1);
        var own = await SignedInAsync();
        await own.GotoAsync("/regrades/new");
        await own.GetByLabel("Assignment (optional)").FillAsync("r-scope");
        await own.GetByLabel("Reason").FillAsync("scope check");
        await own.NavigateByAsync(() => own.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync());
        var jobPath = new Uri(own.Url).AbsolutePath;

        var other = await fixture.Browser.NewPageAsync();
        await other.SignInAsync(await fixture.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "6.036"));
        var job = await other.GotoAsync(jobPath);
        await other.GotoAsync("/regrades/new");
        // The form offers only the key's courses; a crafted post naming cs189 is refused by course scoping.
        Assert.Equal(["6.036"], await other.Locator("#course option").AllInnerTextsAsync());
        await other.Locator("#course").EvaluateAsync("s => s.options[0].value = 'cs189'");
        await other.GetByLabel("Reason").FillAsync("not mine");
        var start = await other.RunAndWaitForResponseAsync(() => other.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(404, job!.Status);
        Assert.Equal(404, start.Status);
        await other.GotoAsync("/regrades");
        Assert.Equal(0, await other.Locator("#jobs tbody tr", new() { HasText = "r-scope" }).CountAsync());
    }

    private async Task<IPage> SignedInAsync()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.SignInAsync(await fixture.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, GradingStack.Course));
        return page;
    }

    private static async Task<string> Text(IPage page, string selector) => (await page.Locator(selector).InnerTextAsync()).Trim();

    private static async Task WaitForStateAsync(IPage page, string state)
    {
        await Assertions.Expect(page.Locator("#job-state")).ToHaveTextAsync(state, new() { Timeout = (float)Timeout.TotalMilliseconds });
        await page.WaitForLoadStateAsync();
    }

    /// <summary><paramref name="count"/> cs189-dis4 submissions to <paramref name="assignment"/> graded against an old version.</summary>
    private async Task<List<Guid>> SeedAsync(string assignment, int count)
    {
        await using var command = fixture.Stack.Db.CreateCommand($$$"""
            with s as (
                insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers,
                                         submitted_at, received_at, status, enqueued_at, graded_at, attempts)
                select gen_random_uuid(), 'seed', 'seed-{{{assignment}}}-' || n, 'cs189', '{{{assignment}}}', 'cs189-dis4', 'student-' || n,
                       '{"3b": 233, "1d": {"q": 3, "f": -12}}', now() - interval '1 day', now() - interval '1 day', 'graded',
                       now() - interval '1 day', now() - interval '1 day', 1
                from generate_series(1, {{{count}}}) n
                returning id)
            select id from s
            """);
        var ids = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        await using var results = fixture.Stack.Db.CreateCommand($"""
            insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
            select gen_random_uuid(), id, 1, '0000000000000000', 0, 14, '[]', now() - interval '1 day', 0, 'seed'
            from submissions where assignment = '{assignment}';
            update submissions s set current_result_id = r.id from results r where r.submission_id = s.id and s.assignment = '{assignment}';
            """);
        await results.ExecuteNonQueryAsync();
        return ids;
    }
}
