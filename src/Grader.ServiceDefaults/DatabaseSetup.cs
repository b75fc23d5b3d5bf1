using Grader.Data;
using Grader.Grading.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
    /// Checks the settings (every option registered with ValidateOnStart), loads the problem catalog and applies pending
    /// migrations (safe when several processes start together: advisory lock), so a bad setting, a bad problem file or an
    /// unreachable database stops the process before it serves anything, in that order.
    /// </summary>
    public static async Task PrepareGraderAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        // The host would validate these on start too, but only after the migrations; a typo in a setting should not wait
        // for (or be hidden behind) the database.
        host.Services.GetService<IStartupValidator>()?.Validate();
        host.Services.GetRequiredService<ProblemCatalogProvider>();
        await SchemaMigrator.MigrateAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
    }
}
