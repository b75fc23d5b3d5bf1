namespace Grader.Api.Queries;

/// <summary>Registers the instructor queries (stateless; they share the process's PostgreSQL data source).</summary>
public static class QueryServices
{
    public static IServiceCollection AddInstructorQueries(this IServiceCollection services) => services
        .AddSingleton<AssignmentSummaryQuery>()
        .AddSingleton<GradebookQuery>()
        .AddSingleton<StudentHistoryQuery>();
}
