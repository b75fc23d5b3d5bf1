namespace Grader.Worker.Grading;

/// <summary>
/// The <see cref="DeliveryAttempt"/> of each submission one broker delivery of a multi-id message names. One flag for the
/// whole delivery would not do: its ids are claimed in several grading chunks (or one at a time after a broken write), and
/// an id the delivery never claimed yet must still count its start when a later chunk claims it.
/// </summary>
public sealed class DeliveryAttempts
{
    private readonly Dictionary<Guid, DeliveryAttempt> _attempts = [];

    public DeliveryAttempt For(Guid submissionId)
    {
        lock (_attempts)
        {
            if (!_attempts.TryGetValue(submissionId, out var attempt))
            {
                attempt = new DeliveryAttempt();
                _attempts[submissionId] = attempt;
            }

            return attempt;
        }
    }
}
