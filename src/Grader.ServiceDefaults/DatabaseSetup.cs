using Grader.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Grader.ServiceDefaults;

/// <summary>PostgreSQL from <c>ConnectionStrings:Grader</c>, migrated before the process starts serving.</summary>
public static class DatabaseSetup
{
    public static IHostApplicationBuilder AddGraderDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Grader")
            ?? throw new InvalidOperationException("ConnectionStrings:Grader is not set (env ConnectionStrings__Grader).");
        builder.Services.AddGraderData(connectionString);
        return builder;
    }

    /// <summary>Applies pending migrations; safe when several processes start together (advisory lock).</summary>
    public static Task MigrateGraderDatabaseAsync(this IHost host, CancellationToken cancellationToken = default) =>
        SchemaMigrator.MigrateAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
}
