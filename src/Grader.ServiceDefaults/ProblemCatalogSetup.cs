using Grader.Grading.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grader.ServiceDefaults;

/// <summary>Loads <c>problems/*.yaml</c> once at start-up; a bad problem file stops the process with its name.</summary>
public static class ProblemCatalogSetup
{
    public const string DirectoryKey = "Problems:Directory";

    public static IHostApplicationBuilder AddProblemCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(provider =>
            ProblemCatalog.Load(ResolveDirectory(provider.GetRequiredService<IConfiguration>()[DirectoryKey])));
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
