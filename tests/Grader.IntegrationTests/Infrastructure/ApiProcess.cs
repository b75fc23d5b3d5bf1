using System.Diagnostics;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>
/// The API as a process of its own, as a second instance or another machine runs it: its own content root (the build
/// folder), its own home folder (<c>HOME</c> in the environment), nothing shared with the test process but the servers.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ApiProcess(Process process, StreamWriter log, Uri baseAddress)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the API with <paramref name="environment"/> on a free loopback port and waits until it is live.</summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var assembly = ApiAssembly();
        var baseAddress = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var startInfo = new ProcessStartInfo("dotnet", [assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        startInfo.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, log, baseAddress);
        try
        {
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.HoldsAsync(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The API process exited with {process.ExitCode}; see {logPath}");
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    // Built by the project reference; the same configuration as this test assembly.
    private static string ApiAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(TestServers.RepositoryRoot, "src", "Grader.Api", "bin", configuration, "net10.0", "Grader.Api.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build Grader.Api first", path);
    }
}
