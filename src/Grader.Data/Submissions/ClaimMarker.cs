namespace Grader.Data.Submissions;

/// <summary>
/// The transaction-local setting that tells the update triggers of <c>submissions</c> the running statement is a batch
/// claim (migration 0029): the triggers that look only at graded rows skip it.
/// </summary>
internal static class ClaimMarker
{
    public const string On = "set local grader.claim = 'on'";

    public const string Off = "set local grader.claim = ''";
}
