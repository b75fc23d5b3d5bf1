using System.Globalization;
using Npgsql;

/// <summary>
/// One run's grades as PostgreSQL counts them. Opened before the timed run: the connection made and the query run once,
/// so that Npgsql's code is compiled then (the generator runs without tiered compilation, and compiling it cost about
/// 0.8 s of CPU inside the timed window, while the worker was still grading) and the wait for the grades spends nothing
/// but its polls.
/// </summary>
internal sealed class RunGrades : IAsyncDisposable
{
    private const string FinishedSql = "select count(*) from submissions where assignment = $1 and status in ('graded', 'failed')";
    private const string SpanSql =
        "select extract(epoch from max(graded_at) - min(received_at)) from submissions where assignment = $1 and status = 'graded'";

    private readonly NpgsqlDataSource _db;
    private readonly string _run;

    private RunGrades(NpgsqlDataSource db, string run) => (_db, _run) = (db, run);

    public static async Task<RunGrades> OpenAsync(string connectionString, string run)
    {
        var grades = new RunGrades(NpgsqlDataSource.Create(connectionString), run);
        await grades.FinishedAsync();
        await grades.SpanAsync();
        return grades;
    }

    /// <summary>Waits (up to 10 minutes) until <paramref name="expected"/> of the run's submissions are graded or failed.</summary>
    /// <returns>How many finished, and the span from the first receipt to the last grade in seconds.</returns>
    public async Task<(long Finished, double Seconds)> AwaitAsync(long expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        long finished;
        do
        {
            await Task.Delay(200);
            finished = await FinishedAsync();
        }
        while (finished < expected && DateTime.UtcNow < deadline);
        return (finished, await SpanAsync());
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<long> FinishedAsync()
    {
        await using var count = _db.CreateCommand(FinishedSql);
        count.Parameters.AddWithValue(_run);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    // No grade yet (the query before the run) is NULL: 0 s.
    private async Task<double> SpanAsync()
    {
        await using var span = _db.CreateCommand(SpanSql);
        span.Parameters.AddWithValue(_run);
        return await span.ExecuteScalarAsync() is { } seconds and not DBNull
            ? Convert.ToDouble(seconds, CultureInfo.InvariantCulture)
            : 0;
    }
}
