namespace Grader.Api.Regrades;

/// <summary>The <c>Regrade</c> section as the API uses it: how a job is cut into batches and how much a report shows.</summary>
public sealed class RegradeOptions
{
    public const string Section = "Regrade";

    /// <summary>Submissions per <c>RegradeBatch</c> message: one transaction and one COPY each.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Changes shown per page of a report (the job view shows the first page of a dry run).</summary>
    public int ChangesPageSize { get; set; } = 100;
}
