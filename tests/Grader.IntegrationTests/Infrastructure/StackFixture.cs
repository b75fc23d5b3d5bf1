namespace Grader.IntegrationTests.Infrastructure;

/// <summary>A stack with one running worker, shared by the tests of one class.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public ServiceStack Stack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stack = await ServiceStack.StartAsync();
        Stack.StartWorker();
        await Stack.WaitForConsumersAsync(1);
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}
