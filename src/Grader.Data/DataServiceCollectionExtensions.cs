using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grader.Data;

/// <summary>Registers the PostgreSQL data source and <see cref="GraderDbContext"/> for the API and the worker.</summary>
public static class DataServiceCollectionExtensions
{
    /// <param name="connectionString">Read when first needed, so hosts (and tests) may set it late.</param>
    public static IServiceCollection AddGraderData(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        services.AddSingleton(provider => new NpgsqlDataSourceBuilder(connectionString(provider)).Build());
        // No EF retrying strategy: the worker retries whole messages and the API answers 503, both with explicit transactions.
        services.AddDbContext<GraderDbContext>((provider, options) => options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }
}
