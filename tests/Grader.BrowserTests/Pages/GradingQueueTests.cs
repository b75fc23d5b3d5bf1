using System.Net;
using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// The grading queue in a real Chromium against the real API, worker and PostgreSQL: each test grades its own assignment and,
/// where it uses rubric items, its own manual part (a rubric is per course and part), so the tests share one stack.
/// </summary>
public sealed class GradingQueueTests(GradingStack fixture) : IClassFixture<GradingStack>
{
    private const string Course = GradingStack.Course;
    private const string ProblemId = GradingStack.ProblemId;

    [Fact]
    public async Task A_grade_with_a_rubric_item_and_a_comment_is_counted_on_the_submission()
    {
        var submitted = await fixture.SubmitAsync("q-grade", "g1");
        var page = await SignedInAsync();

        await page.GotoAsync("/grading");
        await page.GetByRole(AriaRole.Link, new() { Name = "q-grade", Exact = true }).ClickAsync();
        var row = page.Locator("#manual-parts tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "1a", Exact = true }) });
        Assert.Contains("0 of 1 graded", await row.InnerTextAsync());
        await row.GetByRole(AriaRole.Link, new() { Name = "1a", Exact = true }).ClickAsync();
        await AddItemAsync(page, "Two functions", "0.5");
        await AddItemAsync(page, "Composition", "0.75");
        Assert.Equal("g1", await page.Locator("#student").InnerTextAsync());
        await page.GetByLabel("1. Two functions (0.5)").CheckAsync();
        await page.GetByLabel("Comment").FillAsync("Right split; name the composition.");
        await SaveAsync(page);

        Assert.Equal("Saved g1's answer: 0.5 of 1.", await page.Locator("#notice").InnerTextAsync());
        Assert.Equal("1 of 1 graded", await page.Locator("#progress-text").InnerTextAsync());
        Assert.Equal(1, await page.Locator("#all-graded").CountAsync());
        var after = await fixture.Stack.GetSubmissionAsync(submitted.Id);
        var part = after.Parts!.Single(p => p.PartId == "1a");
        Assert.Equal(("partial", 0.5, "Right split; name the composition."), (part.Status, part.Score, part.Feedback));
        Assert.Equal(submitted.Score!.Value + 0.5, after.Score!.Value, 9);
    }

    [Fact]
    public async Task Keys_move_between_answers_apply_an_item_by_number_and_save()
    {
        var first = await fixture.SubmitAsync("q-keys", "k1");
        var second = await fixture.SubmitAsync("q-keys", "k2");
        var page = await SignedInAsync();
        await page.GotoAsync(Queue("q-keys", "1b"));
        await AddItemAsync(page, "Graph drawn", "1");
        Assert.Equal("k1", await page.Locator("#student").InnerTextAsync());

        await PressAndWaitAsync(page, "n");
        Assert.Equal("k2", await page.Locator("#student").InnerTextAsync());
        Assert.Contains($"submission={second.Id}", page.Url);
        await PressAndWaitAsync(page, "p");
        Assert.Equal("k1", await page.Locator("#student").InnerTextAsync());
        await page.Keyboard.PressAsync("1");
        Assert.True(await page.Locator("#item-1").IsCheckedAsync());
        Assert.Equal("Items give 1 of 1", await page.Locator("#rubric-total").InnerTextAsync());
        await page.Keyboard.PressAsync("c");
        await page.Keyboard.TypeAsync("Graph right.");
        await page.NavigateByAsync(() => page.Keyboard.PressAsync("Control+Enter"));

        // Saved, and on to the next ungraded answer.
        Assert.Equal("k2", await page.Locator("#student").InnerTextAsync());
        Assert.Equal("1 of 2 graded", await page.Locator("#progress-text").InnerTextAsync());
        var part = (await fixture.Stack.GetSubmissionAsync(first.Id)).Parts!.Single(p => p.PartId == "1b");
        Assert.Equal((1.0, "Graph right."), (part.Score, part.Feedback));
    }

    [Fact]
    public async Task An_earlier_grade_is_found_with_previous_and_changed_as_a_new_revision()
    {
        var earlier = await fixture.SubmitAsync("q-back", "b1");
        await fixture.SubmitAsync("q-back", "b2");
        var page = await SignedInAsync();
        await page.GotoAsync(Queue("q-back", "2a"));
        await page.GetByLabel("Points (0–1").FillAsync("1");
        await SaveAsync(page);
        Assert.Equal("b2", await page.Locator("#student").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "← Previous (p)" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"submission={earlier.Id}", StringComparison.Ordinal));
        Assert.StartsWith("graded 1 of 1 by ", await page.Locator("#state").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1", await page.GetByLabel("Points (0–1").InputValueAsync());
        await page.GetByLabel("Points (0–1").FillAsync("0.5");
        await page.GetByLabel("Comment").FillAsync("Half: the graph lacks z.");
        await SaveAsync(page);

        var part = (await fixture.Stack.GetSubmissionAsync(earlier.Id)).Parts!.Single(p => p.PartId == "2a");
        Assert.Equal((0.5, "Half: the graph lacks z."), (part.Score, part.Feedback));
        Assert.Equal(3, await fixture.Stack.ScalarAsync($"select count(*) from results where submission_id = '{earlier.Id}'"));
    }

    [Fact]
    public async Task Points_off_the_parts_step_are_refused_on_the_page_and_nothing_is_written()
    {
        var submitted = await fixture.SubmitAsync("q-step", "s1");
        var page = await SignedInAsync();
        await page.GotoAsync(Queue("q-step", "2a"));

        // The browser's own step check is bypassed, as a crafted post would.
        await page.Locator("#grade-form").EvaluateAsync("f => f.noValidate = true");
        await page.GetByLabel("Points (0–1").FillAsync("0.3");
        var response = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save grade (Ctrl+Enter)" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("points must be a multiple of 0.5.", await page.Locator("#errors").InnerTextAsync());
        Assert.Equal("0.3", await page.GetByLabel("Points (0–1").InputValueAsync());
        Assert.Equal(1, await fixture.Stack.ScalarAsync($"select count(*) from results where submission_id = '{submitted.Id}'"));
    }

    [Fact]
    public async Task A_students_script_answer_is_shown_as_text_and_never_runs()
    {
        const string answer = "<script>window.pwned = 1</script><b>bold</b> & <img src=x onerror=\"window.pwned = 2\">";
        await fixture.SubmitAsync("q-xss", "x1", answer);
        var page = await SignedInAsync();

        await page.GotoAsync(Queue("q-xss", "1a"));

        Assert.Equal(answer, await page.Locator("#answer-text").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#answer-text script, #answer-text b, #answer-text img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
    }

    [Fact]
    public async Task Changing_an_items_points_says_how_many_submissions_were_rescored_and_rescores_them()
    {
        var graded = new[] { await fixture.SubmitAsync("q-rubric", "r1"), await fixture.SubmitAsync("q-rubric", "r2") };
        var page = await SignedInAsync();
        await page.GotoAsync(Queue("q-rubric", "1c"));
        await AddItemAsync(page, "Backward pass", "0.5");
        for (var i = 0; i < graded.Length; i++)
        {
            await page.GetByLabel("1. Backward pass (0.5)").CheckAsync();
            await SaveAsync(page);
        }

        var item = page.Locator("form.rubric-item", new() { Has = page.Locator("input[value='Backward pass']") });
        await item.GetByLabel("Points").FillAsync("1");
        await page.NavigateByAsync(() => item.GetByRole(AriaRole.Button, new() { Name = "Save item" }).ClickAsync());

        Assert.Equal("Rubric item 'Backward pass' now gives 1: 2 submissions re-scored.", await page.Locator("#notice").InnerTextAsync());
        foreach (var submission in graded)
        {
            Assert.Equal(1.0, (await fixture.Stack.GetSubmissionAsync(submission.Id)).Parts!.Single(p => p.PartId == "1c").Score);
        }
    }

    [Fact]
    public async Task Deleting_an_item_by_keyboard_asks_first_then_rescores_the_submissions_that_had_it_and_says_how_many()
    {
        var both = await fixture.SubmitAsync("q-delete", "d1");
        var dropped = await fixture.SubmitAsync("q-delete", "d2");
        var kept = await fixture.SubmitAsync("q-delete", "d3");
        var page = await SignedInAsync();
        await page.GotoAsync(Queue("q-delete", "2b"));
        await AddItemAsync(page, "Graph shape", "0.5");
        await AddItemAsync(page, "Labels", "0.5");
        foreach (var items in new[] { new[] { 1, 2 }, [2], [1] })
        {
            foreach (var number in items)
            {
                await page.Locator($"#item-{number}").CheckAsync();
            }

            await SaveAsync(page);
        }

        // The item's form has a Delete link; its page says what the delete will do and deletes nothing yet.
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete item 'Labels'" }).FocusAsync();
        await page.NavigateByAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.Equal("Delete rubric item 'Labels'?", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.StartsWith("2 grades apply it.", await page.Locator("#applied").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal((1.0, 0.5), (await ScoreAsync(both), await ScoreAsync(dropped)));

        // Posted without the form's token: refused, the item stays.
        var forged = await page.APIRequest.PostAsync(new Uri(page.Url).PathAndQuery, new() { MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);
        Assert.Equal(1, await fixture.Stack.ScalarAsync("select count(*) from rubric_items where label = 'Labels' and part_id = '2b'"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the item" }).FocusAsync();
        await page.NavigateByAsync(() => page.Keyboard.PressAsync("Enter"));

        Assert.Equal("Deleted rubric item 'Labels': 2 submissions re-scored.", await page.Locator("#notice").InnerTextAsync());
        Assert.Equal(0, await page.GetByLabel("2. Labels (0.5)").CountAsync());
        Assert.Equal(0, await page.Locator("form.rubric-item input[value='Labels']").CountAsync());
        Assert.Equal((0.5, 0.0, 0.5), (await ScoreAsync(both), await ScoreAsync(dropped), await ScoreAsync(kept)));
        // As the API's delete: each re-scored grade is a new result revision; the grade that did not apply the item is untouched.
        Assert.Equal((3L, 3L, 2L), (await RevisionsAsync(both), await RevisionsAsync(dropped), await RevisionsAsync(kept)));
        Assert.Equal(0, await fixture.Stack.ScalarAsync(
            $"select count(*) from manual_grades where submission_id = '{both.Id}' and cardinality(rubric_item_ids) <> 1"));
    }

    [Fact]
    public async Task Keeping_an_item_on_its_delete_page_goes_back_to_the_answer_and_deletes_nothing()
    {
        var submitted = await fixture.SubmitAsync("q-keep", "k9");
        var page = await SignedInAsync();
        await page.GotoAsync($"{Queue("q-keep", "2d")}?submission={submitted.Id}");
        await AddItemAsync(page, "Transpose", "0.5");

        await page.GetByRole(AriaRole.Link, new() { Name = "Delete item 'Transpose'" }).ClickAsync();
        Assert.StartsWith("No grade applies it", await page.Locator("#applied").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Keep it" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains($"submission={submitted.Id}", StringComparison.Ordinal));
        Assert.Equal(1, await page.GetByLabel("1. Transpose (0.5)").CountAsync());
    }

    [Fact]
    public async Task Staff_of_another_course_cannot_open_the_queue()
    {
        var submitted = await fixture.SubmitAsync("q-scope", "o1");
        var page = await fixture.Browser.NewPageAsync();
        await page.SignInAsync(await fixture.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "6.036"));

        var parts = await page.GotoAsync($"/courses/{Course}/assignments/q-scope/grading");
        var queue = await page.GotoAsync(Queue("q-scope", "1a"));
        var answer = await page.GotoAsync($"{Queue("q-scope", "1a")}?submission={submitted.Id}");
        var answers = await page.GotoAsync($"{Queue("q-scope", "1a")}/answers");

        Assert.Equal([404, 404, 404, 404], new[] { parts!.Status, queue!.Status, answer!.Status, answers!.Status });
        await page.GotoAsync("/grading");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "q-scope" }).CountAsync());
    }

    [Fact]
    public async Task A_grade_or_a_regrade_posted_without_the_forms_antiforgery_token_is_refused_and_writes_nothing()
    {
        var submitted = await fixture.SubmitAsync("q-csrf", "f1");
        var page = await SignedInAsync();
        await page.GotoAsync(Queue("q-csrf", "2a"));

        // The session cookie goes along (same context), the form's hidden token does not.
        var grade = await page.APIRequest.PostAsync($"{Queue("q-csrf", "2a")}?handler=grade", new()
        {
            Form = page.APIRequest.CreateFormData().Set("submission", submitted.Id.ToString()).Set("grade.Points", "1"),
            MaxRedirects = 0,
        });
        var regrade = await page.APIRequest.PostAsync("/regrades/new", new()
        {
            Form = page.APIRequest.CreateFormData().Set("form.Course", Course).Set("form.Assignment", "q-csrf").Set("form.Reason", "forged"),
            MaxRedirects = 0,
        });

        Assert.Equal((400, 400), (grade.Status, regrade.Status));
        Assert.Equal(1, await fixture.Stack.ScalarAsync($"select count(*) from results where submission_id = '{submitted.Id}'"));
        Assert.Equal(0, await fixture.Stack.ScalarAsync("select count(*) from regrade_jobs where assignment = 'q-csrf'"));
    }

    private async Task<double> ScoreAsync(Grader.Api.Submissions.SubmissionView submission) =>
        (await fixture.Stack.GetSubmissionAsync(submission.Id)).Parts!.Single(p => p.PartId == "2b").Score;

    private Task<long> RevisionsAsync(Grader.Api.Submissions.SubmissionView submission) =>
        fixture.Stack.ScalarAsync($"select count(*) from results where submission_id = '{submission.Id}'");

    private static string Queue(string assignment, string part) => $"/courses/{Course}/assignments/{assignment}/grading/{ProblemId}/{part}";

    private async Task<IPage> SignedInAsync()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.SignInAsync(await fixture.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, Course));
        return page;
    }

    private static async Task AddItemAsync(IPage page, string label, string points)
    {
        var form = page.Locator("#add-item");
        await form.GetByLabel("Label").FillAsync(label);
        await form.GetByLabel("Points").FillAsync(points);
        await page.NavigateByAsync(() => form.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync());
        Assert.StartsWith($"Added rubric item '{label}'", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static Task SaveAsync(IPage page) =>
        page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save grade (Ctrl+Enter)" }).ClickAsync());

    private static Task PressAndWaitAsync(IPage page, string key) => page.NavigateByAsync(() => page.Keyboard.PressAsync(key));
}
