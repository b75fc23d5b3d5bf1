namespace Grader.IntegrationTests.Infrastructure;

/// <summary>How the tests reach the Docker engine and which local images they run (infra/docker.sh sets up both).</summary>
public static class ContainerEngine
{
    public static string PostgresImage => Environment.GetEnvironmentVariable("GRADER_PG_IMAGE") ?? "grader-postgres:local";

    public static string RabbitMqImage => Environment.GetEnvironmentVariable("GRADER_RABBITMQ_IMAGE") ?? "grader-rabbitmq:local";

    /// <summary>
    /// Defaults for a plain <c>dotnet test</c>, set before Testcontainers reads its settings: Debian's engine (20.10)
    /// speaks API 1.41, not the 1.44 Testcontainers asks for; Ryuk, its reaper, is an image no registry here serves;
    /// containers are reached on loopback.
    /// </summary>
    public static void Configure()
    {
        Default("DOCKER_API_VERSION", "1.41");
        Default("TESTCONTAINERS_RYUK_DISABLED", "true");
        Default("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
    }

    private static void Default(string variable, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }
}
