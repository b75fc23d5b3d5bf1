using System.Net;
using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// A regrade job's changes and failures each link to the submission's page in the submission's own course (a job across
/// courses lists several), and a list position the page never gave out is the 400 error page naming the parameter.
/// </summary>
public sealed class RegradeJobLinkTests(GradingStack fixture) : IClassFixture<GradingStack>
{
    private const string Assignment = "r-links";
    private const string OtherCourse = "6.036";

    [Fact]
    public async Task Each_changed_and_failed_submission_links_to_its_page_in_its_own_course()
    {
        var changed = await SeedAsync(GradingStack.Course, "cs189-dis4", "own");
        var elsewhere = await SeedAsync(OtherCourse, "cs189-dis4", "other");
        var failed = await SeedAsync(GradingStack.Course, "retired-problem", "gone");

        // An admin's regrade of every course: each row's link names its submission's course.
        var admin = await fixture.Browser.NewPageAsync();
        await admin.SignInAsync(await fixture.Stack.CreateApiKeyAsync(ApiKeyRole.Admin));
        await DryRunAsync(admin, course: null);
        Assert.Equal($"/courses/{GradingStack.Course}/submissions/{changed}", await LinkAsync(admin, "#changes", changed));
        Assert.Equal($"/courses/{OtherCourse}/submissions/{elsewhere}", await LinkAsync(admin, "#changes", elsewhere));
        Assert.Equal($"/courses/{GradingStack.Course}/submissions/{failed}", await LinkAsync(admin, "#failures", failed));
        await admin.NavigateByAsync(() => admin.GetByRole(AriaRole.Link, new() { Name = elsewhere.ToString() }).ClickAsync());
        Assert.Equal("cs189-dis4 by other", await admin.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());

        // An instructor's regrade of their course: the links open for them.
        var instructor = await fixture.Browser.NewPageAsync();
        await instructor.SignInAsync(await fixture.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, GradingStack.Course));
        await DryRunAsync(instructor, GradingStack.Course);
        Assert.Equal(1, await instructor.Locator("#changes tbody tr").CountAsync());
        Assert.Equal(0, await instructor.Locator($"a[href*='{elsewhere}']").CountAsync());
        var failure = await instructor.NavigateByAsync(() => instructor.GetByRole(AriaRole.Link, new() { Name = failed.ToString() }).ClickAsync());
        Assert.Equal(200, failure!.Status);
        Assert.Equal("retired-problem by gone", await instructor.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await instructor.GoBackAsync();
        var change = await instructor.NavigateByAsync(() => instructor.GetByRole(AriaRole.Link, new() { Name = changed.ToString() }).ClickAsync());
        Assert.Equal((200, $"/courses/{GradingStack.Course}/submissions/{changed}"), (change!.Status, new Uri(instructor.Url).AbsolutePath));
    }

    [Fact]
    public async Task The_rows_courses_are_read_only_within_the_keys_scope()
    {
        var own = await SeedAsync(GradingStack.Course, "cs189-dis4", "scope-own", $"{Assignment}-scope");
        var other = await SeedAsync(OtherCourse, "cs189-dis4", "scope-other", $"{Assignment}-scope");
        var query = new Grader.Data.Queries.SubmissionCoursesQuery(fixture.Stack.Db);

        var instructor = await query.RunAsync([own, other], CourseScope.Of([GradingStack.Course]), CancellationToken.None);
        var admin = await query.RunAsync([own, other], CourseScope.All, CancellationToken.None);
        var none = await query.RunAsync([own, other], CourseScope.None, CancellationToken.None);

        Assert.Equal(new Dictionary<Guid, string> { [own] = GradingStack.Course }, instructor);
        Assert.Equal(new Dictionary<Guid, string> { [own] = GradingStack.Course, [other] = OtherCourse }, admin);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("cursor", "More changes")]
    [InlineData("failures", "More failures")]
    public async Task A_list_position_the_page_never_gave_is_a_400_page_naming_the_parameter(string parameter, string link)
    {
        await SeedAsync(GradingStack.Course, "cs189-dis4", $"cursor-{parameter}", $"{Assignment}-{parameter}");
        var page = await fixture.Browser.NewPageAsync();
        await page.SignInAsync(await fixture.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, GradingStack.Course));
        await DryRunAsync(page, GradingStack.Course, $"{Assignment}-{parameter}");

        var response = await page.GotoAsync($"{new Uri(page.Url).AbsolutePath}?{parameter}=not-a-cursor");

        Assert.Equal((int)HttpStatusCode.BadRequest, response!.Status);
        Assert.StartsWith("text/html", await response.HeaderValueAsync("content-type") ?? "", StringComparison.Ordinal);
        Assert.Equal("Bad request", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal($"The '{parameter}' parameter is not a position in this job's list: use the page's \"{link}\" link, or open the job without it.",
            await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal("Back to the dashboard", await page.Locator("#back").InnerTextAsync());
    }

    private static async Task DryRunAsync(IPage page, string? course, string assignment = Assignment)
    {
        await page.GotoAsync("/regrades/new");
        if (course is null)
        {
            await page.GetByLabel("Course").FillAsync("");
        }

        await page.GetByLabel("Assignment (optional)").FillAsync(assignment);
        await page.GetByLabel("Reason").FillAsync("links to submissions");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync());
        await Assertions.Expect(page.Locator("#job-state")).ToHaveTextAsync("completed", new() { Timeout = 90_000 });
        await page.WaitForLoadStateAsync();
    }

    private static async Task<string?> LinkAsync(IPage page, string table, Guid submission) =>
        await page.Locator($"{table} tbody tr", new() { HasText = submission.ToString() }).GetByRole(AriaRole.Link).GetAttributeAsync("href");

    /// <summary>
    /// A submission of <paramref name="student"/> graded long ago against an older version of its problem (it changes when
    /// regraded), or of a problem no longer in the catalog (it fails).
    /// </summary>
    private async Task<Guid> SeedAsync(string course, string problemId, string student, string assignment = Assignment)
    {
        var id = Guid.NewGuid();
        await using var command = fixture.Stack.Db.CreateCommand($$$"""
            insert into submissions (id, source, external_id, course, assignment, problem_id, student_id, answers,
                                     submitted_at, received_at, status, enqueued_at, graded_at, attempts)
            values ('{{{id}}}', 'seed', 'links-{{{id}}}', '{{{course}}}', '{{{assignment}}}', '{{{problemId}}}', '{{{student}}}',
                    '{"3b": 233, "1d": {"q": 3, "f": -12}}', now() - interval '1 day', now() - interval '1 day', 'graded',
                    now() - interval '1 day', now() - interval '1 day', 1);
            insert into results (id, submission_id, revision, problem_version, score, max_score, parts, graded_at, duration_ms, graded_by)
            values (gen_random_uuid(), '{{{id}}}', 1, '0000000000000000', 0, 14, '[]', now() - interval '1 day', 0, 'seed');
            update submissions s set current_result_id = r.id from results r where r.submission_id = s.id and s.id = '{{{id}}}';
            """);
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
