using Grader.Data.Access;
using Grader.Data.Lti;
using Grader.Data.Manual;
using Grader.Data.Passback;
using Grader.Data.Queries;
using Grader.Data.Regrades;
using Grader.Data.Submissions;
using Grader.Data.Variants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Grader.Data;

/// <summary>Registers the PostgreSQL data source, <see cref="GraderDbContext"/> and every store and query built on them.</summary>
public static class DataServiceCollectionExtensions
{
    /// <param name="connectionString">Read when first needed, so hosts (and tests) may set it late.</param>
    public static IServiceCollection AddGraderData(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        services.AddSingleton(provider => ConnectionDefaults.Builder(connectionString(provider)).Build());
        services.AddKeyedSingleton(InstructorReads.Key, (provider, _) => InstructorReads.Builder(connectionString(provider)).Build());
        // No EF retrying strategy: the worker retries whole messages and the API answers 503, both with explicit transactions.
        services.AddDbContext<GraderDbContext>((provider, options) => options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(TimeProvider.System);

        // Plain Npgsql where the SQL is the point (set-based writes, COPY, the summary's CTEs): singletons over the data source.
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<DataProtectionKeyStore>();
        // The summary plans each run for its parameters, on a data source of its own (InstructorReads); the other reads keep
        // their prepared plans, which measured cheaper (the sorted gradebook's by ~10 %).
        services.AddSingleton(provider => new AssignmentSummaryQuery(provider.GetRequiredKeyedService<NpgsqlDataSource>(InstructorReads.Key)));
        services.AddSingleton<GradebookQuery>();
        services.AddSingleton<StudentHistoryQuery>();
        services.AddSingleton<SubmissionCoursesQuery>();
        services.AddSingleton<CourseAssignmentsQuery>();
        services.AddSingleton<RegradeJobStore>();
        services.AddSingleton<RegradeBatches>();
        services.AddSingleton<ManualGradingQuery>();
        services.AddSingleton<ManualGradeStore>();
        services.AddSingleton<RubricStore>();
        services.AddSingleton<VariantOverrideStore>();
        // No outgoing events unless the host registers the sources that have a callback URL (ServiceDefaults does, for both).
        services.TryAddSingleton(GradeEventSources.None);
        services.AddSingleton<GradeEventDispatch>();
        services.AddSingleton<GradeEventDeliveries>();
        services.AddSingleton<LtiPlatforms>();
        services.AddSingleton<ToolKeyRing>();
        services.AddSingleton<LtiScoreDispatch>();
        services.AddSingleton<LtiScoreDeliveries>();
        services.AddSingleton<SubmissionBatchInsert>();

        // EF Core where rows map to entities: scoped, like the context.
        services.AddScoped<SubmissionStore>();
        services.AddScoped<SubmissionGrades>();
        services.AddSingleton<SubmissionBatchGrades>();
        services.AddScoped<UnfinishedWork>();
        services.AddScoped<RegradeJobs>();
        return services;
    }
}
