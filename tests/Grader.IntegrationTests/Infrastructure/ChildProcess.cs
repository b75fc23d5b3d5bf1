using System.Diagnostics;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>
/// One of this repository's services (<c>Grader.Api</c>, <c>Grader.Worker</c>) as a child process: run from its build
/// folder (its content root, where appsettings.json lies) with the given environment, its output and errors written to one
/// log file. Disposing kills it with its process tree.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly StreamWriter _log;

    private ChildProcess(Process process, StreamWriter log)
    {
        Process = process;
        _log = log;
    }

    public Process Process { get; }

    /// <param name="project">The project's folder under src/ and its assembly's name, e.g. <c>Grader.Worker</c>.</param>
    public static ChildProcess Start(string project, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var assembly = Assembly(project);
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

        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, log);
    }

    /// <summary>Like a power cut (SIGKILL to the tree): no graceful shutdown.</summary>
    public void Kill()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        Process.Dispose();
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
    private static string Assembly(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(TestServers.RepositoryRoot, "src", project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first", path);
    }
}
