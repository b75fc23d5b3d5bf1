namespace Grader.Worker.Grading;

/// <summary>
/// A grade or regrade failed on a transient database error: PostgreSQL down or restarting, out of connections, a deadlock. Retried in
/// process; once the retries are spent the message is sent again, not failed: nothing is wrong with the work itself.
/// </summary>
public sealed class DatabaseUnavailableException(string work, Exception inner)
    : Exception($"The database was unavailable while {work}.", inner)
{
    /// <summary>How a <c>Fault</c> names this exception, for the fault consumers to tell an outage from a broken message.</summary>
    public static string TypeName { get; } = typeof(DatabaseUnavailableException).FullName!;
}
