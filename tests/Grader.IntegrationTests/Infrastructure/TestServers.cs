using System.Globalization;
using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL and a RabbitMQ container from the local images (infra/docker.sh images). Stacks share one pair
/// (<see cref="SharedAsync"/>) unless a test stops a server: those start their own (<see cref="StartAsync"/>), so an
/// outage never reaches another test's connections.
/// </summary>
public sealed class TestServers : IAsyncDisposable
{
    public const string PostgresUser = "grader";
    public const string PostgresPassword = "grader";
    // RabbitMqAdmin and the workers use the broker's default account.
    public const string RabbitUser = "guest";
    public const string RabbitPassword = "guest";

    private static readonly Lazy<Task<TestServers>> Shared = new(StartSharedAsync);

    private readonly PostgreSqlContainer _postgres;
    private readonly RabbitMqContainer _rabbit;

    static TestServers() => ContainerEngine.Configure();

    private TestServers(PostgreSqlContainer postgres, int postgresPort, RabbitMqContainer rabbit, int amqpPort, int httpPort)
    {
        _postgres = postgres;
        _rabbit = rabbit;
        PostgresPort = postgresPort;
        AmqpPort = amqpPort;
        RabbitHttpPort = httpPort;
    }

    public int PostgresPort { get; }
    public int AmqpPort { get; }
    public int RabbitHttpPort { get; }

    /// <summary>True for the pair every stack shares: nobody may stop those.</summary>
    public bool IsShared { get; private init; }

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ProblemsDirectory => Path.Combine(RepositoryRoot, "problems");

    /// <summary>The pair shared by the stacks of the whole test run, started on first use and removed at exit.</summary>
    public static Task<TestServers> SharedAsync() => Shared.Value;

    /// <summary>A pair of this caller's own, removed when it is disposed.</summary>
    public static async Task<TestServers> StartAsync()
    {
        // Fixed host ports outside the ephemeral range: a restarted container comes back on the same address, and no
        // outgoing connection can take the port meanwhile.
        var postgresPort = FreePorts.Next();
        var amqpPort = FreePorts.Next();
        var httpPort = FreePorts.Next();
        var postgres = new PostgreSqlBuilder(ContainerEngine.PostgresImage)
            .WithUsername(PostgresUser).WithPassword(PostgresPassword).WithDatabase("postgres")
            .WithPortBinding(postgresPort, PostgreSqlBuilder.PostgreSqlPort)
            .WithCommand("-c", "max_connections=300")
            .Build();
        var rabbit = new RabbitMqBuilder(ContainerEngine.RabbitMqImage)
            .WithUsername(RabbitUser).WithPassword(RabbitPassword)
            .WithPortBinding(amqpPort, RabbitMqBuilder.RabbitMqPort)
            .WithPortBinding(httpPort, ManagementPort)
            .Build();
        var servers = new TestServers(postgres, postgresPort, rabbit, amqpPort, httpPort);
        try
        {
            await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }

        return servers;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={PostgresPort};Database={database};Username={PostgresUser};Password={PostgresPassword};" +
        "Maximum Pool Size=40";

    /// <summary>Stops the PostgreSQL container (a fast shutdown: connections break, new ones are refused).</summary>
    public Task StopPostgresAsync() => Unshared()._postgres.StopAsync();

    /// <summary>Starts it again on the same port, with the same data; returns once it accepts connections.</summary>
    public Task StartPostgresAsync() => Unshared()._postgres.StartAsync();

    /// <summary>Stops the RabbitMQ application; the node and its container stay up, connections are refused.</summary>
    public Task StopBrokerAsync() => RabbitCtlAsync("stop_app");

    public Task StartBrokerAsync() => RabbitCtlAsync("start_app");

    /// <summary>
    /// Freezes the RabbitMQ container (every process stopped): connections stay open and new ones are accepted by the
    /// kernel, but nothing answers — a hung broker, not a refused one.
    /// </summary>
    public Task FreezeBrokerAsync() => Unshared()._rabbit.PauseAsync();

    public Task ThawBrokerAsync() => Unshared()._rabbit.UnpauseAsync();

    public async ValueTask DisposeAsync()
    {
        await _postgres.DisposeAsync();
        await _rabbit.DisposeAsync();
    }

    private const int ManagementPort = 15672;

    private TestServers Unshared() => IsShared
        ? throw new InvalidOperationException("The shared servers cannot be stopped: start the stack with ownServers: true.")
        : this;

    private async Task RabbitCtlAsync(string command)
    {
        var result = await Unshared()._rabbit.ExecAsync(["rabbitmqctl", "-q", command]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({result.ExitCode}): {result.Stderr}{result.Stdout}");
        }
    }

    /// <summary>Removes the shared pair if it was started (<see cref="SharedServersFramework"/>, after the last test).</summary>
    public static async Task DisposeSharedAsync()
    {
        if (Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully)
        {
            await (await Shared.Value).DisposeAsync();
        }
    }

    private static async Task<TestServers> StartSharedAsync()
    {
        // infra/docker.sh clean removes the pair if the test process is killed before the end.
        var servers = await StartAsync();
        return new TestServers(servers._postgres, servers.PostgresPort, servers._rabbit, servers.AmqpPort, servers.RabbitHttpPort)
        {
            IsShared = true,
        };
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grader.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Grader.sln not found above the test assembly.");
    }
}
