using Grader.Api.Access;
using Grader.Api.Extensions;
using Grader.Api.Lti;
using Grader.Api.ManualGrading;
using Grader.Api.Passback;
using Grader.Api.Problems;
using Grader.Api.Queries;
using Grader.Api.Regrades;
using Grader.Api.Staff;
using Grader.Api.Submissions;
using Grader.Api.Variants;
using Grader.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddGraderLogging();
builder.AddApiServices();

var app = builder.Build();
await app.PrepareGraderAsync();

app.UseGraderRequestLogging();
app.UseExceptionHandlerOrErrorPages();
app.UseStatusCodePagesOrErrorPages();
app.UseStaffAssets();
app.UseApiKeyAccess();
app.MapOpenApi().AllowAnonymous().ExemptFromCourseScope("the API's description: no course data");
app.MapGroup("").ExemptFromCourseScope("health: no course data").DisableRateLimiting().MapDefaultHealthEndpoints();
app.MapSubmissionsApi();
app.MapResultHistoryApi();
app.MapRegradesApi();
app.MapProblemsApi();
app.MapQueriesApi();
app.MapManualGradingApi();
app.MapVariantOverridesApi();
app.MapDeliveriesApi();
app.MapJwksApi();
app.MapLtiAdminApi();
app.MapStaffPages();

await app.RunAsync();

/// <summary>Entry point; public so the integration tests can host the API in process.</summary>
public partial class Program;
