using FluentValidation;
using Grader.ServiceDefaults;
using Grader.ServiceDefaults.Settings;

namespace Grader.Api.Regrades;

/// <summary>What the regrade endpoints need, registered in one call.</summary>
public static class RegradeServices
{
    public static IHostApplicationBuilder AddRegradeServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RegradeOptions>().Bind(builder.Configuration.GetSection(RegradeOptions.Section))
            .ValidateSettings(RegradeOptions.Rules);
        builder.Services.AddScoped<IValidator<RegradeRequestInput>, RegradeRequestValidator>();
        builder.Services.AddScoped<RegradePlanner>();
        builder.Services.AddScoped<RegradeChanges>();
        return builder;
    }
}
