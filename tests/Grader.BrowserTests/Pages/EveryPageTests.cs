using Grader.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>
/// What the issue asks of every staff page, checked on each one as a phone shows it (390 px, every <c>&lt;details&gt;</c>
/// open): nothing is fetched from outside the API's own origin, nothing in it points there; every control has an
/// accessible name; every POST form carries its antiforgery token; the Tab key reaches every control; nothing scrolls
/// sideways.
/// </summary>
public sealed class EveryPageTests(EveryPageStack fixture) : IClassFixture<EveryPageStack>
{
    public static TheoryData<string> Pages() =>
    [
        "dashboard", "course", "assignment", "gradebook", "student", "submission", "grading", "grading-parts",
        "grading-queue", "grading-answers", "rubric-delete", "regrades", "regrade-new", "regrade", "not-found",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_is_served_whole_by_the_api_named_for_assistive_technology_and_usable_by_keyboard_on_a_phone(string name)
    {
        var page = await fixture.SignedInAsync();
        await AuditAsync(page, fixture.Paths[name]);
    }

    [Fact]
    public async Task The_sign_in_page_is_served_whole_by_the_api_named_for_assistive_technology_and_usable_by_keyboard_on_a_phone()
    {
        var page = await fixture.Grading.Browser.NewPageAsync();
        await AuditAsync(page, "/signin");
    }

    /// <summary>The checks above find what they look for: on the sign-in page, one of each fault is planted.</summary>
    [Fact]
    public async Task The_page_checks_report_an_outside_image_an_unnamed_field_a_form_without_its_token_and_a_control_tab_skips()
    {
        var page = await fixture.Grading.Browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/signin");
        await page.EvaluateAsync("""
            () => {
                const main = document.querySelector('main');
                main.insertAdjacentHTML('beforeend',
                    '<img alt="logo" src="https://cdn.example.invalid/logo.png">' +
                    '<input id="planted-unnamed">' +
                    '<form method="post" action="/planted"><button type="submit">Planted</button></form>' +
                    '<button tabindex="-1">Skipped by Tab</button>');
            }
            """);

        Assert.Equal(["https://cdn.example.invalid/logo.png"], await page.OutsideAddressesAsync());
        Assert.Contains(await page.UnnamedControlsAsync(), c => c.Contains("planted-unnamed", StringComparison.Ordinal));
        Assert.Equal(["/planted"], await page.PostFormsWithoutTokenAsync());
        Assert.Contains(await page.ControlsTabNeverReachesAsync(), c => c.Contains("Skipped by Tab", StringComparison.Ordinal));
    }

    private async Task AuditAsync(IPage page, string path)
    {
        await page.SetViewportSizeAsync(390, 844);
        var origin = fixture.Grading.Stack.BaseAddress.GetLeftPart(UriPartial.Authority);
        var outside = new List<string>();
        // Every request the page makes, its scripts' included; data: and blob: never leave the browser.
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is not ("data" or "blob") && url.GetLeftPart(UriPartial.Authority) != origin)
            {
                lock (outside)
                {
                    outside.Add(request.Url);
                }
            }
        };

        await page.GotoAsync(path);
        await page.OpenAllDetailsAsync();
        // Whatever the page's scripts fetch once loaded (a regrade's progress poll) is in by now.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(outside);
        Assert.Empty(await page.OutsideAddressesAsync());
        Assert.Empty(await page.UnnamedControlsAsync());
        Assert.Empty(await page.PostFormsWithoutTokenAsync());
        Assert.True(await page.FitsItsWidthAsync(), $"{path} scrolls sideways at 390 px");
        Assert.Empty(await page.ControlsTabNeverReachesAsync());
    }
}
