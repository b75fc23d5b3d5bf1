using System.Diagnostics;
using System.Globalization;

/// <summary>
/// The load generator's own CPU over a timed run (posting and waiting for the grades, not its start-up or the bodies
/// built before): on a small machine it shares the cores with the service, so bench/throughput.sh lists it in its ledger.
/// </summary>
internal sealed class GeneratorCpu
{
    private readonly TimeSpan _start;

    private GeneratorCpu(TimeSpan start) => _start = start;

    public static GeneratorCpu Start() => new(Process.GetCurrentProcess().TotalProcessorTime);

    /// <returns>The line bench/throughput.sh reads: <c>generator CPU: X ms while timed (Y ms a submission); Z ms in all</c>.</returns>
    public string Report(int submissions)
    {
        var now = Process.GetCurrentProcess().TotalProcessorTime;
        var timed = (now - _start).TotalMilliseconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"generator CPU: {timed:F0} ms while timed ({timed / Math.Max(1, submissions):F3} ms a submission); {now.TotalMilliseconds:F0} ms in all");
    }
}
