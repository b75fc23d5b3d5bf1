namespace Grader.Worker.Grading;

/// <summary>
/// Grading failed because PostgreSQL could not be reached (down, restarting, out of connections). Retried in process;
/// once the retries are spent the submission is sent again, not failed: nothing is wrong with it.
/// </summary>
public sealed class DatabaseUnavailableException(Guid submissionId, Exception inner)
    : Exception($"The database was unavailable while grading submission {submissionId}.", inner);
