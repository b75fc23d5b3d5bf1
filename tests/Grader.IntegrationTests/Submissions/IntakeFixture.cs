using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Submissions;

/// <summary>
/// A stack with no worker (what intake stores and sends stays visible) and a second source bound to course cs189.
/// </summary>
public sealed class IntakeFixture : IAsyncLifetime
{
    public const string BoundSource = "bound-lms";
    public const string BoundSecret = "bound-secret";
    public const string BoundCourse = "cs189-bound";

    public ServiceStack Stack { get; private set; } = null!;
    public WebhookClient Bound { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stack = await ServiceStack.StartAsync(apiSettings: new Dictionary<string, string>
        {
            [$"Webhooks:Sources:{BoundSource}:Secret"] = BoundSecret,
            [$"Webhooks:Sources:{BoundSource}:Courses:0"] = BoundCourse,
        });
        Bound = new WebhookClient(Stack.Http, BoundSource, BoundSecret);
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}
