using System.Globalization;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>Where the servers started by infra/ (or CI) listen; the same environment variables as the scripts.</summary>
public static class TestServers
{
    public static int PostgresPort => Port("GRADER_PG_PORT", 55432);
    public static int AmqpPort => Port("GRADER_AMQP_PORT", 55672);
    public static int RabbitHttpPort => Port("GRADER_RABBIT_HTTP_PORT", 55673);
    public static string PostgresUser => Environment.GetEnvironmentVariable("GRADER_PG_USER") ?? "grader";
    public static string PostgresPassword => Environment.GetEnvironmentVariable("GRADER_PG_PASSWORD") ?? "grader";

    public static string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={PostgresPort};Database={database};Username={PostgresUser};Password={PostgresPassword};" +
        "Maximum Pool Size=40";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ProblemsDirectory => Path.Combine(RepositoryRoot, "problems");

    private static int Port(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : fallback;

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
