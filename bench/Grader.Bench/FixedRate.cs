using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Open-loop load: submission i is posted at start + i / rate whether or not earlier answers came back, so a slow API shows
/// as latency (measured from the scheduled time, which counts time spent queued behind the generator too) rather than as a
/// politely lower rate. The latency mode (--rate R --seconds S) and the fault run (<see cref="Grader.Bench.FaultLoad"/>)
/// share the scheduler.
/// </summary>
internal static class FixedRate
{
    // Connections opened before the clock starts; more are opened as the posts in flight need them.
    private const int Connections = 16;

    public static async Task<int> RunAsync(BenchOptions options, Submissions submissions, HttpClient http)
    {
        var total = (int)(options.Rate * options.Seconds);
        var ok = new bool[total];
        submissions.Prepare(total);
        await using var grades = await RunGrades.OpenAsync(options.ConnectionString, submissions.Run);
        await ApiConnections.OpenAsync(http, Connections);
        var cpu = GeneratorCpu.Start();
        var clock = Stopwatch.StartNew();
        var latencies = await ScheduleAsync(options.Rate, total, async i => ok[i] = await submissions.PostAsync(http, i));
        var sent = clock.Elapsed.TotalSeconds;
        var accepted = ok.Count(x => x);
        // Grading keeps up when the last grade lands shortly after the last post, not minutes later.
        var (graded, span) = await grades.AwaitAsync(accepted);
        var lag = span - sent;
        Array.Sort(latencies);
        double At(double q) => latencies[Math.Min(total - 1, (int)(q * total))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            run {submissions.Run}: fixed rate {options.Rate:F0}/s for {options.Seconds:F0} s ({total} submissions)
            achieved: {total / sent:F0} posts/s, {accepted} accepted ({total - accepted} not 202)
            latency:  p50 {At(0.50):F1} ms, p99 {At(0.99):F1} ms, max {latencies[^1]:F1} ms
            graded:   {graded}, last grade {lag:F2} s after the last post ({graded / span:F0} submissions/s over the run)
            {cpu.Report(total)}
            """));
        return accepted == total && graded == total ? 0 : 1;
    }

    /// <summary>
    /// Starts <paramref name="post"/>(i) at i / <paramref name="rate"/> seconds for i below <paramref name="total"/>, on the
    /// thread pool so a slow post never delays the next, until <paramref name="stop"/> says so; waits for every started post.
    /// </summary>
    /// <returns>Each started post's time from its scheduled start to its end, in ms (the array's length is how many started).</returns>
    public static async Task<double[]> ScheduleAsync(double rate, int total, Func<int, Task> post, Func<bool>? stop = null)
    {
        var latencies = new double[total];
        var started = 0;
        var clock = Stopwatch.StartNew();
        var posts = new List<Task>(total);
        for (; started < total && stop?.Invoke() != true; started++)
        {
            var i = started;
            var due = i / rate;
            var wait = due - clock.Elapsed.TotalSeconds;
            if (wait > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait));
            }

            posts.Add(Task.Run(async () =>
            {
                await post(i);
                latencies[i] = (clock.Elapsed.TotalSeconds - due) * 1000;
            }));
        }

        await Task.WhenAll(posts);
        return latencies[..started];
    }
}
