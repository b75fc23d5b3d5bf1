namespace Grader.Data.Entities;

/// <summary>Life of a regrade job; stored as lower-case text like every state.</summary>
public enum RegradeJobState
{
    Running,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>Life of one batch of a regrade job (<c>regrade_batches.state</c>).</summary>
public enum RegradeBatchState
{
    Pending,
    Done,
    Failed,
}

/// <summary>What a regrade did to one submission (<c>regrade_items.outcome</c>); none until its batch commits.</summary>
public enum RegradeOutcome
{
    Unchanged,
    Changed,
    Failed,
}
