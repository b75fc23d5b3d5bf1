using System.Globalization;
using System.Text.Json;

namespace Grader.IntegrationTests.Queries;

/// <summary>
/// The windowed summary against a straightforward computation of the same definition in C#: per student and problem, the
/// latest graded submission inside the window (by time, then by id), on data written out of order (late submissions
/// received and graded after newer ones), with ties in time, regrades of counted and of older submissions, failures and
/// queued ones; then graded submissions failed, deleted and moved in time, and failed ones graded on a retry. The windows
/// take both SQL plans: a window in mid-term (keys with later submissions: the window's own submissions are scanned, kept
/// by superseded_at, migration 0025) and windows that run to the end (the stored counted rows).
/// </summary>
public sealed class WindowedSummaryReferenceTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed record Written(Guid Id, string Student, string Problem, DateTimeOffset At)
    {
        public string Status { get; set; } = "queued";
        public double Score { get; set; }
    }

    [Fact]
    public async Task Windowed_summary_equals_the_latest_graded_submission_per_student_and_problem_computed_directly()
    {
        var assignment = "ref-" + Guid.NewGuid().ToString("N")[..8];
        var writes = new SubmissionWrites(fixture.Stack.Db, assignment);
        var written = await WriteOutOfOrderAsync(writes);
        await ChurnAsync(writes, written, beyondTheWritePaths: false);

        var windows = new (DateTimeOffset? From, DateTimeOffset? To)[]
        {
            (Start.AddDays(3), Start.AddDays(6)),     // mid-term: every key has later submissions
            (Start.AddDays(2), Start.AddDays(3)),     // one day
            (Start.AddDays(1), null),                 // to the present
            (null, Start.AddDays(4)),                 // from the beginning
            (Start, Start.AddDays(30)),               // everything
            (Start.AddHours(30), Start.AddHours(80)), // mid-term, not on day boundaries
        };
        foreach (var (from, to) in windows)
        {
            var path = $"/api/v1/courses/{SeededCourse.Course}/assignments/{assignment}/summary?"
                + (from is null ? "" : $"from={QueryClient.Iso(from.Value)}&")
                + (to is null ? "" : $"to={QueryClient.Iso(to.Value)}");
            var summary = await QueryClient.GetJsonAsync(fixture.Stack, path);
            AssertMatches(written.Where(w => (from is null || w.At >= from) && (to is null || w.At < to)).ToList(), summary, path);
        }
    }

    [Fact]
    public async Task Each_graded_submission_stores_the_time_of_its_students_next_graded_one_of_the_problem()
    {
        var assignment = "chain-" + Guid.NewGuid().ToString("N")[..8];
        var writes = new SubmissionWrites(fixture.Stack.Db, assignment);
        var written = await WriteOutOfOrderAsync(writes);
        await ChurnAsync(writes, written, beyondTheWritePaths: true);

        var expected = written.Where(w => w.Status == "graded")
            .GroupBy(w => (w.Student, w.Problem))
            .SelectMany(g =>
            {
                var chain = g.OrderBy(w => w.At).ThenBy(w => w.Id.ToString(), StringComparer.Ordinal).ToList();
                return chain.Select((w, i) => (w.Id, Next: i + 1 < chain.Count ? chain[i + 1].At : (DateTimeOffset?)null));
            })
            .OrderBy(e => e.Id)
            .ToList();
        var stored = await writes.SupersededAtAsync();
        Assert.True(expected.Count(e => e.Next is not null) > 20, "the data should have many superseded graded submissions");
        Assert.Equal(expected, stored.OrderBy(e => e.Id).ToList());
    }

    /// <summary>
    /// 30 students, two problems, one to six submissions each over ten days (some at the same instant), received and graded
    /// in a shuffled order; then a third of the graded ones regraded, a few failed and a few left queued.
    /// </summary>
    private static async Task<List<Written>> WriteOutOfOrderAsync(SubmissionWrites writes)
    {
        var random = new Random(9);
        var planned = new List<(string Student, string Problem, DateTimeOffset At)>();
        for (var student = 0; student < 30; student++)
        {
            foreach (var problem in new[] { "p1", "p2" })
            {
                var at = Start.AddHours(random.Next(0, 48));
                for (var n = random.Next(1, 7); n > 0; n--)
                {
                    planned.Add(($"s{student:00}", problem, at));
                    at = at.AddHours(random.Next(0, 3) == 0 ? 0 : random.Next(6, 60)); // a third share their time with the last
                }
            }
        }

        var written = new List<Written>();
        foreach (var (student, problem, at) in planned.OrderBy(_ => random.Next()))
        {
            written.Add(new Written(await writes.ReceiveAsync(student, at, problem), student, problem, at));
        }

        foreach (var submission in written.OrderBy(_ => random.Next()))
        {
            var fate = random.Next(10);
            if (fate == 0)
            {
                continue; // still queued
            }

            await writes.ClaimAsync(submission.Id);
            if (fate == 1)
            {
                await writes.FailAsync(submission.Id);
                submission.Status = "failed";
                continue;
            }

            submission.Score = random.Next(0, 3);
            await writes.GradeAsync(submission.Id, submission.Score);
            submission.Status = "graded";
        }

        foreach (var submission in written.Where(w => w.Status == "graded").OrderBy(_ => random.Next()).Take(written.Count / 3))
        {
            submission.Score = (submission.Score + 1 + random.Next(0, 2)) % 3;
            await writes.RegradeAsync(submission.Id, submission.Score);
        }

        return written;
    }

    /// <summary>
    /// Writes that change a key's graded submissions after the fact: failed ones graded on a retry, submissions deleted
    /// (graded or not); and, <paramref name="beyondTheWritePaths"/>, what no write path of Grader does today but SQL by hand
    /// could: a grade turned failed, graded ones moved in time (submitted_at corrected). Each may leave or join a key's chain
    /// anywhere: its first, last or a middle link. (0004's summary_counted does not follow those two, hence the flag.)
    /// </summary>
    private static async Task ChurnAsync(SubmissionWrites writes, List<Written> written, bool beyondTheWritePaths)
    {
        var random = new Random(14);
        foreach (var submission in written.Where(w => w.Status == "failed").OrderBy(_ => random.Next()).Take(4).ToList())
        {
            await writes.ClaimAsync(submission.Id);
            submission.Score = random.Next(0, 3);
            await writes.GradeAsync(submission.Id, submission.Score);
            submission.Status = "graded";
        }

        foreach (var submission in written.OrderBy(_ => random.Next()).Take(8).ToList())
        {
            await writes.DeleteAsync(submission.Id);
            written.Remove(submission);
        }

        if (!beyondTheWritePaths)
        {
            return;
        }

        foreach (var submission in written.Where(w => w.Status == "graded").OrderBy(_ => random.Next()).Take(5).ToList())
        {
            await writes.FailAsync(submission.Id);
            submission.Status = "failed";
        }

        foreach (var submission in written.Where(w => w.Status == "graded").OrderBy(_ => random.Next()).Take(6).ToList())
        {
            // Half onto another submission's time (a tie), half a day or two later.
            var sameKey = written.Where(w => w.Student == submission.Student && w.Problem == submission.Problem && w.Id != submission.Id).ToList();
            var at = random.Next(2) == 0 && sameKey.Count > 0
                ? sameKey[random.Next(sameKey.Count)].At
                : submission.At.AddHours(random.Next(-40, 40));
            await writes.MoveAsync(submission.Id, at);
            written[written.IndexOf(submission)] = new Written(submission.Id, submission.Student, submission.Problem, at)
            {
                Status = submission.Status, Score = submission.Score,
            };
        }
    }

    private static void AssertMatches(List<Written> inWindow, JsonElement summary, string path)
    {
        var counted = inWindow.Where(w => w.Status == "graded")
            .GroupBy(w => (w.Student, w.Problem))
            .Select(g => g.OrderByDescending(w => w.At).ThenByDescending(w => w.Id.ToString(), StringComparer.Ordinal).First())
            .ToList();
        var students = counted.GroupBy(c => c.Student)
            .Select(g => (Score: g.Sum(c => c.Score), Fraction: g.Sum(c => c.Score) / (2.0 * g.Count())))
            .ToList();
        Assert.True(counted.Count > 3, $"{path}: the window should count several submissions");

        Assert.Equal(inWindow.Count, summary.GetProperty("submissions").GetInt64());
        foreach (var status in new[] { "queued", "failed", "graded" })
        {
            Assert.Equal(inWindow.Count(w => w.Status == status), summary.GetProperty("byStatus").GetProperty(status).GetInt64());
        }

        Assert.Equal(students.Count, summary.GetProperty("students").GetInt64());
        AssertStatistics(students.Select(s => s.Score).ToList(), summary.GetProperty("score"), path);
        AssertStatistics(students.Select(s => s.Fraction).ToList(), summary.GetProperty("fraction"), path);
        var histogram = Enumerable.Range(0, 10).Select(bin => (long)students.Count(s => Math.Min((int)Math.Floor(s.Fraction * 10), 9) == bin));
        Assert.Equal(histogram, summary.GetProperty("histogram").EnumerateArray().Select(b => b.GetInt64()));

        var parts = summary.GetProperty("parts").EnumerateArray()
            .ToDictionary(p => p.GetProperty("problemId").GetString()!, p => (p.GetProperty("correct").GetInt64(), p.GetProperty("incorrect").GetInt64()));
        var expected = counted.GroupBy(c => c.Problem)
            .ToDictionary(g => g.Key, g => ((long)g.Count(c => c.Score >= 2), (long)g.Count(c => c.Score < 2)));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), parts.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static void AssertStatistics(List<double> values, JsonElement statistics, string path)
    {
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        var mean = values.Average();
        var deviation = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        var actual = (statistics.GetProperty("mean").GetDouble(), statistics.GetProperty("median").GetDouble(),
            statistics.GetProperty("standardDeviation").GetDouble());
        Assert.True(Math.Abs(actual.Item1 - mean) < 1e-9 && Math.Abs(actual.Item2 - median) < 1e-9 && Math.Abs(actual.Item3 - deviation) < 1e-9,
            string.Create(CultureInfo.InvariantCulture, $"{path}: expected {mean}, {median}, {deviation}; the summary said {actual}"));
    }
}
