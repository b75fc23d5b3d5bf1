namespace Grader.Contracts.Webhooks;

/// <summary>Outcome of checking a <c>Grader-Signature</c> header; only <see cref="Valid"/> admits a delivery.</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Mismatch,
    Stale,
}
