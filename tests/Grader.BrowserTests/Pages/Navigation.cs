using Microsoft.Playwright;

namespace Grader.BrowserTests.Pages;

/// <summary>Waiting for the page a click or key leads to (a form's POST and its redirect, or a link).</summary>
internal static class Navigation
{
    /// <summary>
    /// Runs <paramref name="action"/> and waits until the navigation it starts has loaded. Playwright marks
    /// RunAndWaitForNavigationAsync obsolete in favour of waiting for a known URL, but a POST that redirects to the next
    /// answer has no URL known beforehand; the wait starts before the action, so no navigation is missed.
    /// </summary>
    public static Task<IResponse?> NavigateByAsync(this IPage page, Func<Task> action) =>
#pragma warning disable CS0612
        page.RunAndWaitForNavigationAsync(action);
#pragma warning restore CS0612
}
