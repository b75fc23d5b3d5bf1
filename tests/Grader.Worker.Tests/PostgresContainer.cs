using System.Globalization;
using Testcontainers.PostgreSql;

namespace Grader.Worker.Tests;

/// <summary>
/// One PostgreSQL container (the local image infra/docker.sh builds) for the whole test run, started on first use; each
/// test makes its own database on it. <see cref="ContainerFramework"/> removes it after the last test.
/// </summary>
public static class PostgresContainer
{
    private static readonly Lazy<Task<PostgreSqlContainer>> Container = new(StartAsync);

    public static async Task<string> ConnectionStringAsync(string database)
    {
        var container = await Container.Value;
        return string.Create(CultureInfo.InvariantCulture,
            $"Host=127.0.0.1;Port={container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort)};Database={database};Username=grader;Password=grader");
    }

    public static async Task DisposeAsync()
    {
        if (Container.IsValueCreated && Container.Value.IsCompletedSuccessfully)
        {
            await (await Container.Value).DisposeAsync();
        }
    }

    private static async Task<PostgreSqlContainer> StartAsync()
    {
        // Debian's engine (20.10) speaks API 1.41; Ryuk, Testcontainers' reaper, is an image no registry here serves.
        Default("DOCKER_API_VERSION", "1.41");
        Default("TESTCONTAINERS_RYUK_DISABLED", "true");
        Default("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
        var container = new PostgreSqlBuilder(Environment.GetEnvironmentVariable("GRADER_PG_IMAGE") ?? "grader-postgres:local")
            .WithUsername("grader").WithPassword("grader").WithDatabase("postgres")
            .WithCommand("-c", "max_connections=300")
            .Build();
        await container.StartAsync();
        return container;
    }

    private static void Default(string variable, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }
}
