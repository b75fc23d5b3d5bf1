using FluentValidation;

namespace Grader.Api.Lti;

/// <summary>The API's LTI services: its settings, the webhook's <c>lti</c> field reader and the admin requests' rules.</summary>
public static class LtiApiRegistration
{
    public static IHostApplicationBuilder AddLtiApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LtiApiOptions>().BindConfiguration(LtiApiOptions.Section);
        builder.Services.AddSingleton<LtiLineItemField>();
        builder.Services.AddSingleton<IValidator<LtiPlatformRequest>, LtiPlatformRequestValidator>();
        builder.Services.AddSingleton<IValidator<LtiLineItemMapRequest>, LtiLineItemMapRequestValidator>();
        return builder;
    }
}
