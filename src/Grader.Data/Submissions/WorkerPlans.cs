using Npgsql;

namespace Grader.Data.Submissions;

/// <summary>
/// Generic plans for the worker's batch statements (issue 14): the first statement of the claim's and the grade's
/// transactions, so their statements (and the triggers' under them) reuse the plan their connection prepared.
/// </summary>
/// <remarks>
/// The claim, the result insert, the mark-graded and mark-failed updates and the LTI and webhook inserts take the batch
/// as arrays. Npgsql prepares them (<see cref="ConnectionDefaults.MaxAutoPrepare"/>), but PostgreSQL's plan cache chose a
/// custom plan on every call for small batches: a custom plan sees the arrays' lengths (1, 4, or an empty failure list)
/// and its estimate always beat the generic plan's (10 elements), so it never switched, and planning these statements
/// cost more than running them (0.7 ms of planning per single-submission batch, bench/best-trigger-write-path.sh).
/// Every join in them is on an index, so the generic plan is also what large batches get: checked up to 2,000 a batch
/// (bench/best-trigger-worker-plans.sql, docs/benchmarks.md). <c>set local</c>: the API's and the pages' statements on
/// the same pool keep the plan cache's choice.
/// </remarks>
internal static class WorkerPlans
{
    public const string Sql = "set local plan_cache_mode = force_generic_plan";

    public static NpgsqlBatchCommand Generic() => new(Sql);
}
