using Grader.BrowserTests.Infrastructure;
using Grader.IntegrationTests.Queries;

namespace Grader.BrowserTests.Pages;

/// <summary>A browser stack holding the integration tests' seeded course (6.036 hw4, worked out by hand) and one of cs189.</summary>
public sealed class BrowserStackWithCourses : IAsyncLifetime
{
    public BrowserStack Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        await SeededCourse.SeedAsync(Browser.Stack);
    }

    public Task DisposeAsync() => Browser.DisposeAsync();
}
