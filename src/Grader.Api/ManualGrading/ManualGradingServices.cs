using FluentValidation;

namespace Grader.Api.ManualGrading;

/// <summary>What manual grading registers: its catalog lookup and its request validators.</summary>
public static class ManualGradingServices
{
    public static IHostApplicationBuilder AddManualGrading(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ManualParts>(); // scoped: it sees the catalog current per request
        builder.Services.AddSingleton<IValidator<ManualAnswersRequest>, ManualAnswersRequestValidator>();
        builder.Services.AddSingleton<IValidator<ManualGradeBody>, ManualGradeBodyValidator>();
        builder.Services.AddSingleton<IValidator<RubricItemBody>, RubricItemBodyValidator>();
        return builder;
    }
}
