using System.Diagnostics;
using System.Globalization;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>A real Grader.Worker process, so a test can kill it the way a crash would (SIGKILL), stop it (SIGTERM) or freeze it.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly ChildProcess _child;

    private WorkerProcess(ChildProcess child) => _child = child;

    public int ProcessId => _child.Process.Id;

    public bool HasExited => _child.Process.HasExited;

    public static WorkerProcess Start(IReadOnlyDictionary<string, string> environment, string logPath) =>
        new(ChildProcess.Start("Grader.Worker", environment, logPath));

    /// <summary>Like a power cut: no graceful shutdown, unacknowledged messages go back to the queue.</summary>
    public void Kill() => _child.Kill();

    /// <summary>SIGTERM, as a service manager or Kubernetes stops a process; false if it has not exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        Signal("TERM");
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _child.Process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The exit code after <see cref="TerminateAsync"/> or a crash.</summary>
    public int ExitCode => _child.Process.ExitCode;

    /// <summary>Freezes the process (SIGSTOP): messages it prefetched wait in its buffers until <see cref="Resume"/>.</summary>
    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    public void Dispose() => _child.Dispose();

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", ProcessId.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {ProcessId} failed with exit code {kill.ExitCode}");
        }
    }
}
