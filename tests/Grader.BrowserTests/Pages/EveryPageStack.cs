using Grader.BrowserTests.Infrastructure;
using Grader.Data.Access;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// A <see cref="GradingStack"/> holding something on every page: two graded cs189-dis4 submissions of assignment
/// <see cref="Assignment"/>, a rubric item on part 1a (so the queue shows its checkboxes and item forms, and the item has a delete page) and a completed
/// dry-run regrade (so a job page exists). <see cref="Paths"/> are the addresses of every staff page, filled in.
/// </summary>
public sealed class EveryPageStack : IAsyncLifetime
{
    public const string Assignment = "audit";

    public GradingStack Grading { get; } = new();

    public Guid Submission { get; private set; }
    public string RegradeJob { get; private set; } = "";

    /// <summary>Every page a signed-in instructor of cs189 reaches, by name.</summary>
    public IReadOnlyDictionary<string, string> Paths { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await Grading.InitializeAsync();
        Submission = (await Grading.SubmitAsync(Assignment, "amy")).Id;
        await Grading.SubmitAsync(Assignment, "bo");

        var page = await SignedInAsync();
        var course = $"/courses/{GradingStack.Course}";
        var assignment = $"{course}/assignments/{Assignment}";
        var queue = $"{assignment}/grading/{GradingStack.ProblemId}/1a";
        await page.GotoAsync(queue);
        var add = page.Locator("#add-item");
        await add.GetByLabel("Label").FillAsync("Names both functions");
        await add.GetByLabel("Points").FillAsync("0.5");
        await page.NavigateByAsync(() => add.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync());
        var deleteItem = await page.GetByRole(AriaRole.Link, new() { Name = "Delete item 'Names both functions'" }).GetAttributeAsync("href");

        await page.GotoAsync("/regrades/new");
        await page.GetByLabel("Assignment (optional)").FillAsync(Assignment);
        await page.GetByLabel("Reason").FillAsync("audit of every page");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync());
        await Assertions.Expect(page.Locator("#job-state")).ToHaveTextAsync("completed", new() { Timeout = 60_000 });
        RegradeJob = new Uri(page.Url).AbsolutePath;
        await page.Context.CloseAsync();

        Paths = new Dictionary<string, string>
        {
            ["dashboard"] = "/",
            ["course"] = course,
            ["assignment"] = assignment,
            ["gradebook"] = $"{assignment}/gradebook",
            ["student"] = $"{course}/students/amy",
            ["submission"] = $"{course}/submissions/{Submission}",
            ["grading"] = "/grading",
            ["grading-parts"] = $"{assignment}/grading",
            ["grading-queue"] = queue,
            ["grading-answers"] = $"{queue}/answers",
            ["rubric-delete"] = deleteItem!,
            ["regrades"] = "/regrades",
            ["regrade-new"] = "/regrades/new",
            ["regrade"] = RegradeJob,
            ["not-found"] = "/courses/no-such-course",
        };
    }

    /// <summary>A fresh browser context signed in with a new instructor key of cs189.</summary>
    public async Task<IPage> SignedInAsync()
    {
        var page = await Grading.Browser.NewPageAsync();
        await page.SignInAsync(await Grading.Stack.CreateApiKeyAsync(ApiKeyRole.Instructor, GradingStack.Course));
        return page;
    }

    public Task DisposeAsync() => Grading.DisposeAsync();
}
