using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// A regrade's failures on its page, all of them: the real worker fails every submission of a problem taken out of the
/// catalog, more than a page of them, and the job page lists each with its reason, the rest one link away.
/// </summary>
public sealed class RegradeFailurePageTests(GradingStack fixture) : IClassFixture<GradingStack>
{
    private const string Assignment = "retired";
    private const int PageSize = 100; // Regrade:ChangesPageSize's default, the page size of both lists

    [Fact]
    public async Task Every_failed_submission_is_listed_with_its_reason_the_rest_after_more_failures()
    {
        await SeedRetiredAsync(PageSize + 1);
        var page = await fixture.Browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(await fixture.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, GradingStack.Course));

        await page.GotoAsync("/regrades/new");
        await page.GetByLabel("Assignment (optional)").FillAsync(Assignment);
        await page.GetByLabel("Reason").FillAsync("the retired problem");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync());
        await Assertions.Expect(page.Locator("#job-state")).ToHaveTextAsync("completed", new() { Timeout = 90_000 });
        await page.WaitForLoadStateAsync();

        Assert.Equal($"{PageSize + 1}", await page.Locator("#job-failed").InnerTextAsync());
        var first = await page.RowsAsync("#failures");
        Assert.Equal(PageSize, first.Count);
        Assert.All(first, row => Assert.Contains("Problem 'retired-problem' is not in this worker's catalog.", row, StringComparison.Ordinal));
        Assert.True(await page.FitsItsWidthAsync(), "the failures scroll the page sideways at 390 px");

        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "More failures →" }).ClickAsync());
        var rest = await page.RowsAsync("#failures");
        var students = first.Concat(rest).Select(row => row.Split('\t')[0]).ToHashSet();
        Assert.Single(rest);
        Assert.Equal(PageSize + 1, students.Count);
        Assert.Equal(0, await page.Locator("#more-failures").CountAsync());
    }

    /// <summary>Graded submissions of a problem no longer in the catalog: they can be listed, not regraded.</summary>
    private async Task SeedRetiredAsync(int count)
    {
        await using var command = fixture.Stack.Db.CreateCommand($$$"""
            insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers,
                                     submitted_at, received_at, status, enqueued_at, graded_at, attempts)
            select gen_random_uuid(), 'seed', 'retired-' || n, 'cs189', '{{{Assignment}}}', 'retired-problem', 'retired-' || n,
                   '{"a": 1}', now() - interval '1 day', now() - interval '1 day', 'graded', now() - interval '1 day',
                   now() - interval '1 day', 1
            from generate_series(1, {{{count}}}) n;
            insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
            select gen_random_uuid(), id, 1, 'old', 1, 1, '[]', now() - interval '1 day', 0, 'seed'
            from submissions where assignment = '{{{Assignment}}}';
            update submissions s set current_result_id = r.id from results r where r.submission_id = s.id and s.assignment = '{{{Assignment}}}';
            """);
        await command.ExecuteNonQueryAsync();
    }
}
