namespace Grader.Api.Submissions;

/// <summary>The webhook's intake: group commit, the worker queue's send and its circuit breaker.</summary>
public static class IntakeServices
{
    public static IHostApplicationBuilder AddSubmissionIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntakeOptions>().Bind(builder.Configuration.GetSection(IntakeOptions.Section));
        builder.Services.AddScoped<SubmissionIntake>();
        // Singletons: one writer loop and one circuit per process, shared by every request.
        builder.Services.AddSingleton<SendCircuit>();
        builder.Services.AddSingleton<GradingQueue>();
        builder.Services.AddSingleton<IntakeBatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IntakeBatcher>());
        return builder;
    }
}
