using System.Diagnostics;
using System.Globalization;

// Service throughput, four modes:
// - burst (default): posts --count signed submissions over --concurrency connections as fast as the API takes them, then
//   reports accepted/s (webhook intake) and graded/s (first receipt to last grade, from PostgreSQL);
// - fixed rate (--rate R --seconds S): posts R submissions a second for S seconds whatever the answers' pace (open loop),
//   reports the webhook latency p50/p99 and whether grading kept up;
// - raw RabbitMQ (--rabbit amqp://...): the broker's own durable publish-confirm/consume-ack limit, no Grader involved;
// - faults (--rate R --duration D --settle S --faults-over FILE, bench/faults.sh): a fixed rate while faults are
//   injected, each submission re-posted until accepted, then counts of what was lost or duplicated.
// --problem P posts only P: its example answers, or for a randomized id (P-randomized) each student's right answers for
// their own variant, derived as the worker derives it with --salt (default $Variants__Salt, as the service reads it);
// --answers mistakes sends P's known mistakes instead (made on each variant's numbers); --students N spreads the
// submissions over N students (default 500), so --students equal to --count puts every submission on its own variant.
var options = BenchOptions.Parse(args);
if (options.FaultsOver is not null)
{
    return await Grader.Bench.FaultLoad.RunAsync(options, options.Rate, options.Duration, options.Settle);
}

if (options.Rabbit is not null)
{
    return await RabbitProbe.RunAsync(options.Rabbit, options.Count, options.Concurrency);
}

// The webhook load's socket completions run on the epoll thread instead of being handed to the thread pool: its
// continuations are short, and the hand-off (thread wake-ups, the pool's spinning) was most of its CPU a webhook
// (docs/benchmarks.md, branch gen16). Read when the first socket is made, so set before anything connects; the raw
// RabbitMQ probe and the fault run above keep the runtime's defaults.
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
var submissions = new Submissions(options);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = new Uri(options.Url) };
return options.Rate > 0 ? await FixedRate.RunAsync(options, submissions, http) : await Burst(options, submissions, http);

static async Task<int> Burst(BenchOptions options, Submissions submissions, HttpClient http)
{
    submissions.Prepare(options.Count);
    await using var grades = await RunGrades.OpenAsync(options.ConnectionString, submissions.Run);
    await ApiConnections.OpenAsync(http, options.Concurrency);
    var cpu = GeneratorCpu.Start();
    var intake = Stopwatch.StartNew();
    var next = -1;
    var failures = 0;
    await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < options.Count)
        {
            if (!await submissions.PostAsync(http, i))
            {
                Interlocked.Increment(ref failures);
            }
        }
    }));
    intake.Stop();

    var accepted = options.Count - failures;
    var (graded, gradingSeconds) = await grades.AwaitAsync(accepted);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        run {submissions.Run}: {options.Count} submissions, {options.Concurrency} concurrent posts, {submissions.Problems} problems round-robin
        accepted: {accepted} in {intake.Elapsed.TotalSeconds:F2} s = {accepted / intake.Elapsed.TotalSeconds:F0} submissions/s ({failures} not 202)
        graded:   {graded} in {gradingSeconds:F2} s (first receipt to last grade) = {graded / gradingSeconds:F0} submissions/s
        {cpu.Report(options.Count)}
        """));
    return failures == 0 && graded == options.Count ? 0 : 1;
}
