using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grader.Data;

/// <summary>Registers the PostgreSQL data source and <see cref="GraderDbContext"/> for the API and the worker.</summary>
public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddGraderData(this IServiceCollection services, string connectionString)
    {
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        services.AddSingleton(dataSource);
        // No EF retrying strategy: the worker retries whole messages and the API answers 503, both with explicit transactions.
        services.AddDbContext<GraderDbContext>(options => options.UseNpgsql(dataSource));
        return services;
    }
}
