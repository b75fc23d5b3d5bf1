using System.Globalization;
using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// A week of course staff's work, in one real Chromium against the real API, worker, RabbitMQ and PostgreSQL, as the issue
/// lists it: sign in, see the graded submissions on the assignment page, grade a manual part with a rubric item (by mouse,
/// then by keyboard), see the gradebook and its CSV change, change the item's points and see every affected score change,
/// dry-run a regrade then run it for real and watch it finish. Each page on the way is saved as a screenshot
/// (<see cref="Screenshots"/>), with fixed submission times so that the pictures are the same on every run.
/// </summary>
public sealed class StaffWorkflowTests(GradingStack fixture) : IClassFixture<GradingStack>
{
    private const string Course = GradingStack.Course;
    private const string Assignment = "week9";
    private const string Gradebook = $"/courses/{Course}/assignments/{Assignment}/gradebook";
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Staff_grade_a_manual_part_with_a_rubric_see_every_score_follow_and_run_a_regrade()
    {
        string[] students = ["ada", "ben", "cy"];
        for (var i = 0; i < students.Length; i++)
        {
            await fixture.SubmitAsync(Assignment, students[i], at: Monday.AddMinutes(5 * i));
        }

        var page = await fixture.Browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await page.SignInAsync(await fixture.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, Course));

        // The graded submissions on the assignment page.
        await page.GetByRole(AriaRole.Link, new() { Name = Assignment, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/assignments/{Assignment}", StringComparison.Ordinal));
        Assert.Equal("3", await page.Locator("#total-submissions").InnerTextAsync());
        Assert.Equal("3", await page.Locator("#total-students").InnerTextAsync());
        var before = await TotalsAsync(page);
        var csvBefore = await CsvTotalsAsync(page);
        Assert.Equal(before, csvBefore);

        // The grading queue: a rubric item applied with the mouse to ada's answer, then by its number to ben's.
        await page.GetByRole(AriaRole.Link, new() { Name = "Grading", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/grading");
        await page.SaveAsync("grading");
        await page.GetByRole(AriaRole.Link, new() { Name = Assignment, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/grading", StringComparison.Ordinal) && url.Contains(Assignment, StringComparison.Ordinal));
        await page.SaveAsync("grading-parts");
        var row = page.Locator("#manual-parts tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "1a", Exact = true }) });
        await row.GetByRole(AriaRole.Link, new() { Name = "1a", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/1a", StringComparison.Ordinal));
        await AddItemAsync(page, "Names both functions", "0.5");
        await AddItemAsync(page, "Composition order", "0.25");
        Assert.Equal("ada", await page.Locator("#student").InnerTextAsync());
        await page.GetByLabel("1. Names both functions (0.5)").CheckAsync();
        await page.GetByLabel("Comment (the student sees it as feedback; key c)").FillAsync("Both functions named.");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save grade (Ctrl+Enter)" }).ClickAsync());
        Assert.Equal("ben", await page.Locator("#student").InnerTextAsync());
        Assert.Equal("1 of 3 graded", await page.Locator("#progress-text").InnerTextAsync());
        // The submission's id is the webhook's, new on every run.
        await page.SaveAsync("grading-queue", page.Locator(".grading .meta code"));
        await page.SetViewportSizeAsync(390, 844);
        await page.SaveAsync("grading-queue-phone", page.Locator(".grading .meta code"));
        await page.SetViewportSizeAsync(1280, 800);
        await page.Keyboard.PressAsync("1");
        await page.NavigateByAsync(() => page.Keyboard.PressAsync("Control+Enter"));
        Assert.Equal("2 of 3 graded", await page.Locator("#progress-text").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "all answers" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/answers", StringComparison.Ordinal));
        await page.SaveAsync("grading-answers");

        // The gradebook and its CSV count the staff grades: ada and ben 0.5 more, cy unchanged.
        await page.GotoAsync(Gradebook);
        var graded = await TotalsAsync(page);
        Assert.Equal(Expected(before, ("ada", 0.5), ("ben", 0.5)), graded);
        Assert.Equal(graded, await CsvTotalsAsync(page));

        // The item now gives 0.75: both grades that applied it are re-scored, every total follows.
        await page.GoBackAsync();
        await page.GotoAsync($"/courses/{Course}/assignments/{Assignment}/grading/{GradingStack.ProblemId}/1a");
        var item = page.Locator("form.rubric-item", new() { Has = page.Locator("input[value='Names both functions']") });
        await item.GetByLabel("Points").FillAsync("0.75");
        await page.NavigateByAsync(() => item.GetByRole(AriaRole.Button, new() { Name = "Save item" }).ClickAsync());
        Assert.Equal("Rubric item 'Names both functions' now gives 0.75: 2 submissions re-scored.", await page.Locator("#notice").InnerTextAsync());
        await page.GotoAsync(Gradebook);
        var rescored = await TotalsAsync(page);
        Assert.Equal(Expected(before, ("ada", 0.75), ("ben", 0.75)), rescored);
        Assert.Equal(rescored, await CsvTotalsAsync(page));

        await RegradeAsync(page);
    }

    /// <summary>A dry run of submissions graded against an old version, its report, then the real run watched to its end.</summary>
    private async Task RegradeAsync(IPage page)
    {
        await SeedOldGradesAsync("week8", 3);
        await page.GotoAsync("/regrades");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a regrade" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/regrades/new");
        await page.GetByLabel("Assignment (optional)").FillAsync("week8");
        await page.GetByLabel("Only submissions graded with an older version").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("week 8 graded before the 3b key was fixed");
        await page.SaveAsync("regrade-new");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync());
        await WaitForStateAsync(page, "completed");
        Assert.Equal(3, await page.Locator("#changes tbody tr").CountAsync());
        Assert.Equal(3, await fixture.Stack.ScalarAsync("select count(*) from results r join submissions s on s.id = r.submission_id where s.assignment = 'week8'"));
        await page.SaveAsync("regrade-dry-run", page.Locator(".crumbs span"));

        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Regrade for real" }).ClickAsync());
        // The job page follows the job (a progress poll once a second) and reloads when it has ended.
        await WaitForStateAsync(page, "completed");
        Assert.Equal(("3", "3"), (await page.Locator("#job-done").InnerTextAsync(), await page.Locator("#job-changed").InnerTextAsync()));
        Assert.Equal(6, await fixture.Stack.ScalarAsync("select count(*) from results r join submissions s on s.id = r.submission_id where s.assignment = 'week8'"));
        await page.SaveAsync("regrade", page.Locator(".crumbs span"));
        await page.GotoAsync("/regrades");
        await page.SaveAsync("regrades", page.Locator("#jobs td:first-child a"));
    }

    private static Dictionary<string, double> Expected(Dictionary<string, double> before, params (string Student, double Added)[] added)
    {
        var expected = new Dictionary<string, double>(before);
        foreach (var (student, points) in added)
        {
            expected[student] += points;
        }

        return expected;
    }

    /// <summary>Each student's total on the gradebook page (its last column).</summary>
    private static async Task<Dictionary<string, double>> TotalsAsync(IPage page)
    {
        if (!new Uri(page.Url).AbsolutePath.EndsWith("/gradebook", StringComparison.Ordinal))
        {
            await page.GotoAsync(Gradebook);
        }

        return (await page.RowsAsync("#gradebook")).Select(r => r.Split('\t'))
            .ToDictionary(cells => cells[0], cells => double.Parse(cells[^1], CultureInfo.InvariantCulture));
    }

    /// <summary>Each student's total in the gradebook's CSV download, as the browser fetches it with the session.</summary>
    private static async Task<Dictionary<string, double>> CsvTotalsAsync(IPage page)
    {
        var csv = await page.APIRequest.GetAsync($"{Gradebook}?handler=Csv");
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var total = Array.IndexOf(lines[0].Split(','), "total");
        return lines.Skip(1).Select(l => l.Split(','))
            .ToDictionary(cells => cells[0], cells => double.Parse(cells[total], CultureInfo.InvariantCulture));
    }

    private static async Task AddItemAsync(IPage page, string label, string points)
    {
        var form = page.Locator("#add-item");
        await form.GetByLabel("Label").FillAsync(label);
        await form.GetByLabel("Points").FillAsync(points);
        await page.NavigateByAsync(() => form.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync());
        Assert.StartsWith($"Added rubric item '{label}'", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task WaitForStateAsync(IPage page, string state)
    {
        await Assertions.Expect(page.Locator("#job-state")).ToHaveTextAsync(state, new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync();
    }

    /// <summary>
    /// <paramref name="count"/> cs189-dis4 submissions graded against an older version of the problem (score 0, no parts), with
    /// fixed ids and times so that the regrade pages show the same rows on every run.
    /// </summary>
    private async Task SeedOldGradesAsync(string assignment, int count)
    {
        await using var command = fixture.Stack.Db.CreateCommand($$$"""
            insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers,
                                     submitted_at, received_at, status, enqueued_at, graded_at, attempts)
            select ('0194e1a0-0000-7000-8000-' || lpad(n::text, 12, '0'))::uuid, 'seed', 'seed-{{{assignment}}}-' || n, 'cs189',
                   '{{{assignment}}}', 'cs189-dis4', 'student-' || n, '{"3b": 233, "1d": {"q": 3, "f": -12}}',
                   timestamptz '2026-10-26 09:00Z' + n * interval '1 minute', timestamptz '2026-10-26 09:00Z' + n * interval '1 minute',
                   'graded', timestamptz '2026-10-26 09:00Z', timestamptz '2026-10-26 09:05Z', 1
            from generate_series(1, {{{count}}}) n;
            insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
            select gen_random_uuid(), id, 1, '0000000000000000', 0, 14, '[]', timestamptz '2026-10-26 09:05Z', 0, 'seed'
            from submissions where assignment = '{{{assignment}}}';
            update submissions s set current_result_id = r.id from results r where r.submission_id = s.id and s.assignment = '{{{assignment}}}';
            """);
        await command.ExecuteNonQueryAsync();
    }
}
