using FluentValidation;
using Grader.Api.Access;
using Grader.Api.Lti;
using Grader.Api.ManualGrading;
using Grader.Api.Problems;
using Grader.Api.Passback;
using Grader.Api.Queries;
using Grader.Api.Regrades;
using Grader.Api.Requests;
using Grader.Api.Staff;
using Grader.Api.Submissions;
using Grader.Api.Variants;
using Grader.ServiceDefaults;
using Grader.ServiceDefaults.Settings;

namespace Grader.Api.Extensions;

/// <summary>Everything the API process registers, in one place so that Program.cs stays a table of contents.</summary>
public static class ApiServices
{
    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        builder.AddGraderDatabase();
        builder.AddProblemCatalog();
        builder.AddStudentVariants();
        builder.AddGraderMessaging();
        builder.AddApiKeyAccess();
        builder.AddDefaultHealthChecks();
        builder.AddGraderTelemetry();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<TransientFailureHandler>();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.AddExceptionHandler<ApiFailureHandler>();
        builder.AddApiRateLimits();
        builder.Services.AddOpenApi(options => options
            .AddDocumentTransformer<SecuritySchemesInOpenApi>()
            .AddDocumentTransformer<PublicServerInOpenApi>()
            .AddOperationTransformer<SecuritySchemesInOpenApi>());

        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .ValidateSettings(WebhookSettingsRules.Check);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WebhookAuthenticator>();
        builder.Services.AddScoped<SubmissionRequestReader>(); // scoped: it sees the catalog current per request
        builder.AddSubmissionIntake();
        builder.Services.AddHostedService<SourceCourseWarning>();
        builder.Services.AddSingleton<IValidator<SummaryRequest>, SummaryRequestValidator>();
        builder.Services.AddSingleton<IValidator<GradebookRequest>, GradebookRequestValidator>();
        builder.Services.AddSingleton<IValidator<StudentHistoryRequest>, StudentHistoryRequestValidator>();
        builder.Services.AddSingleton<IValidator<RegradeListRequest>, RegradeListRequestValidator>();
        builder.Services.AddSingleton<IValidator<RegradeItemsRequest>, RegradeItemsRequestValidator>();
        builder.Services.AddSingleton<IValidator<VariantRequest>, VariantRequestValidator>();
        builder.Services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section);
        builder.Services.AddSingleton<ProblemVisibility>();
        builder.Services.AddSingleton<IValidator<DeliveryListRequest>, DeliveryListRequestValidator>();
        builder.AddRegradeServices();
        builder.AddManualGrading();
        builder.AddLtiApi();
        builder.AddStaffPages();
        builder.AddVariantOverrides();
        return builder;
    }
}
