using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Grader.Api.Submissions;
using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Grader.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>The grading queue offers the rubric and step the problem file declares, before staff add anything.</summary>
public sealed class FileRubricTests(FileRubricStack fixture) : IClassFixture<FileRubricStack>
{
    [Fact]
    public async Task The_queue_offers_the_problem_files_rubric_items_and_holds_points_to_its_step()
    {
        var submission = await SubmitAsync("fr1");
        var page = await fixture.Browser.NewPageAsync();
        await page.SignInAsync(await fixture.Browser.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        await page.GotoAsync("/courses/cs189/assignments/file-rubric/grading/cs189-dis4/1a");

        Assert.Equal(["1. Two functions (0.5)", "2. Composition (0.75)"], await page.Locator("#grade-form fieldset label[for^='item-']").AllInnerTextsAsync());
        Assert.Contains("q = x + y and f = qz", await page.Locator("#grade-form fieldset").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Points (0–1, step 0.25; used when no item is applied)", await page.Locator("label[for='points']").InnerTextAsync());

        // Off the file's step: refused, naming the field and the step.
        await page.Locator("#grade-form").EvaluateAsync("f => f.noValidate = true");
        await page.GetByLabel("Points (0–1").FillAsync("0.3");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save grade (Ctrl+Enter)" }).ClickAsync());
        Assert.Equal("points must be a multiple of 0.25.", await page.Locator("#errors").InnerTextAsync());

        // Both file items by their numbers: 0.5 + 0.75 clamped to the part's 1 point.
        await page.GetByLabel("Points (0–1").FillAsync("");
        await page.Locator("body").ClickAsync(new() { Position = new() { X = 1, Y = 1 } });
        await page.Keyboard.PressAsync("1");
        await page.Keyboard.PressAsync("2");
        await page.NavigateByAsync(() => page.Keyboard.PressAsync("Control+Enter"));
        Assert.Equal("Saved fr1's answer: 1 of 1.", await page.Locator("#notice").InnerTextAsync());
        var part = (await fixture.Browser.Stack.GetSubmissionAsync(submission)).Parts!.Single(p => p.PartId == "1a");
        Assert.Equal(("correct", 1.0), (part.Status, part.Score));
    }

    private async Task<Guid> SubmitAsync(string student)
    {
        var stack = fixture.Browser.Stack;
        var body = WebhookClient.Body("cs189-dis4", new Dictionary<string, object> { ["1a"] = "q = x + y, then f = q z", ["3b"] = 233 });
        body["assignment"] = "file-rubric";
        body["studentId"] = student;
        body["submittedAt"] = new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var response = await stack.Webhook.PostAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<SubmissionView>(ServiceStack.Json))!.Id;
        await stack.WaitForStatusAsync(id, "graded", TimeSpan.FromSeconds(60));
        return id;
    }
}
