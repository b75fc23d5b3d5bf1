using Grader.Grading.Variants;
using Grader.ServiceDefaults.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
        builder.Services.AddOptions<VariantSettings>().Bind(builder.Configuration.GetSection(VariantSettings.Section))
            .ValidateSettings(VariantSettings.Rules);
        builder.Services.AddSingleton(provider => new StudentVariants(
            provider.GetRequiredService<IConfiguration>()[SaltKey] ?? "",
            provider.GetRequiredService<IOptions<VariantSettings>>().Value.CacheSize));
        builder.Services.AddSingleton<AssignedVariants>();
        return builder;
    }
}
