using Grader.Grading.Variants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grader.ServiceDefaults;

/// <summary>
/// <see cref="StudentVariants"/> for API and worker: <c>Variants:Salt</c> (a secret both must share; without it a
/// student who reads the code could compute a classmate's numbers) and <c>Variants:CacheSize</c> (default 1024 variants).
/// </summary>
public static class StudentVariantsSetup
{
    public const string SaltKey = "Variants:Salt";

    public static IHostApplicationBuilder AddStudentVariants(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            return new StudentVariants(configuration[SaltKey] ?? "", configuration.GetValue("Variants:CacheSize", 1024));
        });
        builder.Services.AddSingleton<AssignedVariants>();
        return builder;
    }
}
