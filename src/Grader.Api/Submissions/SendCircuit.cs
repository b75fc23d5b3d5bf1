namespace Grader.Api.Submissions;

/// <summary>
/// A circuit breaker on sends to RabbitMQ. After a send fails or outlasts its bound, sends are skipped for
/// <see cref="OpenFor"/> (the submissions stay <c>queued</c> and the sweeper sends them), then one send probes the broker
/// while the others still skip; its success closes the circuit. Without it every webhook during a broker outage started a
/// send of its own, and hundreds of them waiting on the reconnecting transport delayed answers well past the send's bound.
/// </summary>
public sealed class SendCircuit(TimeProvider clock)
{
    public static readonly TimeSpan OpenFor = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private bool _open;
    private bool _probing;

    /// <returns>Whether a send may start now; a caller that gets true reports its outcome with <see cref="Succeeded"/> or <see cref="Failed"/>.</returns>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (!_open)
            {
                return true;
            }

            if (_probing || clock.GetUtcNow() < _openUntil)
            {
                return false;
            }

            _probing = true;
            return true;
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            _open = false;
            _probing = false;
        }
    }

    /// <summary>A send whose outcome is unknown (its caller left): a probe slot is freed, nothing else changes.</summary>
    public void Abandoned()
    {
        lock (_gate)
        {
            _probing = false;
        }
    }

    /// <returns>True when this failure opened a closed circuit (the one worth a log line).</returns>
    public bool Failed()
    {
        lock (_gate)
        {
            var wasClosed = !_open;
            _open = true;
            _probing = false;
            _openUntil = clock.GetUtcNow() + OpenFor;
            return wasClosed;
        }
    }

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }
}
