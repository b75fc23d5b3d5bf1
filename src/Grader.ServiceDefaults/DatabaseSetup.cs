using Grader.Data;
using Grader.Grading.Loading;
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
        builder.Services.AddGraderData(provider => provider.GetRequiredService<IConfiguration>().GetConnectionString("Grader")
            ?? throw new InvalidOperationException("ConnectionStrings:Grader is not set (env ConnectionStrings__Grader)."));
        // Every host that writes grades stores their events for the same sources (the worker's grades, the API's staff grades).
        builder.AddGradeEventSources();
        return builder;
    }

    /// <summary>
    /// Loads the problem catalog and applies pending migrations (safe when several processes start together: advisory
    /// lock), so a bad problem file or an unreachable database stops the process before it serves anything.
    /// </summary>
    public static async Task PrepareGraderAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        host.Services.GetRequiredService<ProblemCatalogProvider>();
        await SchemaMigrator.MigrateAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
    }
}
