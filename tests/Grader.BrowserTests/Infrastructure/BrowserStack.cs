using Grader.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Infrastructure;

/// <summary>
/// A Grader stack served on a real loopback port (no worker unless a test starts one) and a headless Chromium — Debian's
/// <c>chromium</c> package, driven by Playwright's node driver; Playwright's own browser download is never used. Shared by
/// the tests of one class; each test takes a fresh browser context (its own cookies).
/// </summary>
public class BrowserStack : IAsyncLifetime
{
    private readonly bool _ownServers;
    private readonly string? _problemsDirectory;

    public BrowserStack()
        : this(ownServers: false)
    {
    }

    /// <param name="ownServers">Containers of its own (<see cref="ServiceStack.StartAsync"/>): for a test that stops a server.</param>
    /// <param name="problemsDirectory">Problem files other than the repository's <c>problems/</c> (API and worker alike).</param>
    protected BrowserStack(bool ownServers, string? problemsDirectory = null)
    {
        _ownServers = ownServers;
        _problemsDirectory = problemsDirectory;
    }

    /// <summary>Where test.sh's <c>apt-get install chromium</c> puts it; <c>GRADER_CHROMIUM</c> overrides.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("GRADER_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright _playwright = null!;

    public ServiceStack Stack { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stack = await ServiceStack.StartAsync(_problemsDirectory, realServer: true, ownServers: _ownServers);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Containers and CI users often lack the kernel features of Chromium's sandbox.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A page in a fresh context (no cookies), with the stack's address as its base.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Stack.BaseAddress.ToString() });
        // Twice Playwright's 30 s: the test machine is shared and was measured at load averages of 40 and more.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        // Closing the browser ends its processes; disposing Playwright ends the node driver.
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }
    }
}
