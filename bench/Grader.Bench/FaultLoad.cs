using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;

namespace Grader.Bench;

/// <summary>
/// bench/faults.sh's load: signed submissions at a fixed rate for a fixed time, each re-posted (same externalId, same
/// body, 1 s apart, as an LMS retries) until it gets a 202 or 200, while the script injects faults. Then it waits for the
/// grades and counts from PostgreSQL: accepted, graded, failed, lost (accepted but not graded by the deadline),
/// duplicated (a submission with more than one result, or an externalId stored twice), and the longest delay.
/// </summary>
internal static class FaultLoad
{
    public static async Task<int> RunAsync(BenchOptions options, double rate, TimeSpan duration, TimeSpan settle)
    {
        var submissions = new Submissions(options, "faults");
        var run = submissions.Run;
        using var http = new HttpClient { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };
        var answers = new ConcurrentDictionary<string, int>(); // status code (or "no answer") -> count, every try
        var accepted = 0;
        var slowest = TimeSpan.Zero;
        var slowLock = new object();

        async Task PostUntilAcceptedAsync(int i)
        {
            var giveUp = DateTime.UtcNow + TimeSpan.FromMinutes(5);
            while (DateTime.UtcNow < giveUp)
            {
                var clock = Stopwatch.StartNew();
                var status = await submissions.SendAsync(http, i);
                lock (slowLock)
                {
                    slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                }

                answers.AddOrUpdate(status == 0 ? "no answer" : status.ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                if (status is (int)HttpStatusCode.Accepted or (int)HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref accepted);
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        var start = Stopwatch.StartNew();
        var posted = (await FixedRate.ScheduleAsync(
            rate, (int)(rate * duration.TotalSeconds), PostUntilAcceptedAsync, () => FaultsLongOver(options.FaultsOver))).Length;
        var tries = string.Join(", ", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} x{a.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load done after {start.Elapsed.TotalSeconds:F0} s: {posted} submissions, {accepted} accepted; answers per try: {tries}; slowest answer {slowest.TotalSeconds:F1} s"));

        // The settle time starts when the script says the last fault is over (it creates this file), not when the load
        // ends: a server still down then would count its backlog as lost.
        if (options.FaultsOver is { Length: > 0 } marker)
        {
            while (!File.Exists(marker))
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        await using var db = NpgsqlDataSource.Create(options.ConnectionString);
        var deadline = DateTime.UtcNow + settle;
        Counts counts;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            counts = await CountAsync(db, run);
        }
        while (counts.Graded + counts.Failed < accepted && DateTime.UtcNow < deadline);

        var lost = accepted - counts.Graded - counts.Failed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            run {run}: {rate:F0}/s, {posted} submissions
            accepted {accepted}, stored {counts.Stored}, graded {counts.Graded}, failed {counts.Failed}, stuck (queued/grading) {counts.Stuck}
            lost (accepted, not graded within {settle.TotalSeconds:F0} s after the load) {lost}, duplicated {counts.Duplicated}
            longest receipt-to-grade delay {counts.LongestDelay:F1} s; attempts > 1: {counts.Retried}
            """));
        return lost == 0 && counts.Duplicated == 0 && counts.Failed == 0 ? 0 : 1;
    }

    // The load stops 20 s after the script's last fault is over, so every fault happens under load however slowly the
    // servers stop and start on a busy machine; the duration is the upper bound.
    private static bool FaultsLongOver(string? marker) =>
        marker is { Length: > 0 } && File.Exists(marker) && File.GetLastWriteTimeUtc(marker) < DateTime.UtcNow - TimeSpan.FromSeconds(20);

    private sealed record Counts(long Stored, long Graded, long Failed, long Stuck, long Duplicated, double LongestDelay, long Retried);

    private static async Task<Counts> CountAsync(NpgsqlDataSource db, string run)
    {
        await using var command = db.CreateCommand("""
            select count(*),
                   count(*) filter (where s.status = 'graded'),
                   count(*) filter (where s.status = 'failed'),
                   count(*) filter (where s.status in ('queued', 'grading')),
                   (select count(*) from (select r.submission_id from results r join submissions x on x.id = r.submission_id
                                          where x.assignment = $1 group by r.submission_id having count(*) > 1) d)
                 + (select count(*) from (select external_id from submissions where assignment = $1
                                          group by source, external_id having count(*) > 1) e),
                   coalesce(extract(epoch from max(s.graded_at - s.received_at)), 0)::float8,
                   count(*) filter (where s.attempts > 1)
            from submissions s where s.assignment = $1
            """);
        command.Parameters.AddWithValue(run);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetDouble(5), reader.GetInt64(6));
    }
}
