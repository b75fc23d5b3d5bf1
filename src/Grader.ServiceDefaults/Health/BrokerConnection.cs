using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Grader.ServiceDefaults.Health;

/// <summary>
/// One long-lived RabbitMQ connection of this process, beside MassTransit's, for the broker health check and the queue
/// depth gauge. Opened on first use and again after a failed attempt; the client's automatic recovery reopens it after an
/// outage, and while it is closed every use fails (so readiness reports the broker down).
/// </summary>
public sealed class BrokerConnection(IConfiguration configuration, IHostEnvironment environment) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private IConnection? _connection;

    public async Task<IConnection> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            return _connection ??= await Factory().CreateConnectionAsync(cancellationToken);
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _opening.Dispose();
    }

    private ConnectionFactory Factory()
    {
        var rabbit = configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        return new ConnectionFactory
        {
            HostName = rabbit.Host,
            Port = rabbit.Port,
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
            ClientProvidedName = $"{environment.ApplicationName} health",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            AutomaticRecoveryEnabled = true,
        };
    }
}
