using Grader.Grading.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grader.ServiceDefaults;

/// <summary>
/// Loads <c>problems/*.yaml</c> at start-up (a bad problem file stops the process with its name) and reloads the folder
/// when it changes; <see cref="ProblemCatalog"/> resolves to the catalog current at resolution time.
/// </summary>
public static class ProblemCatalogSetup
{
    public const string DirectoryKey = "Problems:Directory";

    public static IHostApplicationBuilder AddProblemCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(provider => new ProblemCatalogProvider(
            ResolveDirectory(provider.GetRequiredService<IConfiguration>()[DirectoryKey]),
            new ProblemCatalogLog(provider.GetRequiredService<ILogger<ProblemCatalogProvider>>())));
        // Transient: whoever asks (per request, per message) gets the catalog current at that moment.
        builder.Services.AddTransient(provider => provider.GetRequiredService<ProblemCatalogProvider>().Current);
        return builder;
    }

    /// <summary>A configured path (absolute or relative to the working directory), else the nearest <c>problems/</c> upwards.</summary>
    public static string ResolveDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "problems");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"No problems/ folder found; set {DirectoryKey} (env Problems__Directory).");
    }
}
