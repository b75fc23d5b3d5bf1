using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Queries;

/// <summary>A stack without workers (nothing to grade) holding <see cref="SeededCourse"/>.</summary>
public sealed class SeededCourseFixture : IAsyncLifetime
{
    public ServiceStack Stack { get; private set; } = null!;
    public Guid OwnSubmission { get; private set; }
    public Guid OtherCourseSubmission { get; private set; }

    public async Task InitializeAsync()
    {
        Stack = await ServiceStack.StartAsync();
        (OwnSubmission, OtherCourseSubmission) = await SeededCourse.SeedAsync(Stack);
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}
