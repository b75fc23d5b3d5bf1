namespace Grader.Api.Regrades;

/// <summary>The <c>Regrade</c> section as the API uses it: how a job is cut into batches and how much a report shows.</summary>
public sealed class RegradeOptions
{
    public const string Section = "Regrade";

    /// <summary>Submissions per <c>RegradeBatch</c> message: one transaction and one COPY each.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long a request waits for the broker to take a new job's batches. Past it (broker down) the job is still accepted;
    /// its batches stay pending and the workers' sweeper sends them once the broker is back.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Changes shown per page of a report (the job view shows the first page of a dry run).</summary>
    public int ChangesPageSize { get; set; } = 100;
}
