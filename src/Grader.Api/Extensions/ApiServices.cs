using FluentValidation;
using Grader.Api.Access;
using Grader.Api.Queries;
using Grader.Api.Regrades;
using Grader.Api.Submissions;
using Grader.ServiceDefaults;

namespace Grader.Api.Extensions;

/// <summary>Everything the API process registers, in one place so that Program.cs stays a table of contents.</summary>
public static class ApiServices
{
    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        builder.AddGraderDatabase();
        builder.AddProblemCatalog();
        builder.AddGraderMessaging();
        builder.AddApiKeyAccess();
        builder.AddDefaultHealthChecks();
        builder.AddGraderTelemetry();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<TransientFailureHandler>();
        builder.Services.AddOpenApi(options => options
            .AddDocumentTransformer<SecuritySchemesInOpenApi>()
            .AddOperationTransformer<SecuritySchemesInOpenApi>());

        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WebhookAuthenticator>();
        builder.Services.AddScoped<SubmissionRequestReader>(); // scoped: it sees the catalog current per request
        builder.Services.AddScoped<SubmissionIntake>();
        builder.Services.AddScoped<GradingQueue>();
        builder.Services.AddHostedService<SourceCourseWarning>();
        builder.Services.AddSingleton<IValidator<SummaryRequest>, SummaryRequestValidator>();
        builder.Services.AddSingleton<IValidator<GradebookRequest>, GradebookRequestValidator>();
        builder.Services.AddSingleton<IValidator<StudentHistoryRequest>, StudentHistoryRequestValidator>();
        builder.Services.AddSingleton<IValidator<RegradeListRequest>, RegradeListRequestValidator>();
        builder.Services.AddSingleton<IValidator<RegradeItemsRequest>, RegradeItemsRequestValidator>();
        builder.AddRegradeServices();
        return builder;
    }
}
