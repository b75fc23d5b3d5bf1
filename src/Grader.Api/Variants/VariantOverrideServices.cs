using FluentValidation;

namespace Grader.Api.Variants;

/// <summary>The validators of the variant-override endpoints (<see cref="VariantOverridesApi"/>).</summary>
public static class VariantOverrideServices
{
    public static IHostApplicationBuilder AddVariantOverrides(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidator<VariantOverrideListRequest>, VariantOverrideListRequestValidator>();
        builder.Services.AddSingleton<IValidator<VariantOverrideBody>, VariantOverrideBodyValidator>();
        return builder;
    }
}
