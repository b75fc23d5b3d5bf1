namespace Grader.IntegrationTests.Infrastructure;

/// <summary>
/// The API as a process of its own, as a second instance or another machine runs it: its own content root (the build
/// folder), its own home folder (<c>HOME</c> in the environment), nothing shared with the test process but the servers.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly ChildProcess _child;

    private ApiProcess(ChildProcess child, Uri baseAddress)
    {
        _child = child;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the API with <paramref name="environment"/> on a free loopback port and waits until it is live.</summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var child = ChildProcess.Start("Grader.Api",
            new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/') }, logPath);
        var api = new ApiProcess(child, baseAddress);
        try
        {
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.HoldsAsync(async () =>
            {
                if (child.Process.HasExited)
                {
                    throw new InvalidOperationException($"The API process exited with {child.Process.ExitCode}; see {logPath}");
                }

                try
                {
                    return (await http.GetAsync("/health/live")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(90), $"the API process on {baseAddress} to be live");
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _child.Dispose();
        return ValueTask.CompletedTask;
    }
}
