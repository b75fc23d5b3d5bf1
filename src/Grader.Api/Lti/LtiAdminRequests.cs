using FluentValidation;
using Grader.Contracts.Lti;
using Microsoft.Extensions.Options;

namespace Grader.Api.Lti;

/// <summary>A platform registration: the webhook source it serves and its LTI 1.3 registration values.</summary>
public sealed record LtiPlatformRequest(
    string? Source, string? Issuer, string? ClientId, string? DeploymentId, string? TokenUrl, string? Audience);

/// <summary>An assignment mapped to a line item (once).</summary>
public sealed record LtiLineItemMapRequest(string? Source, string? Course, string? Assignment, string? LineItemUrl);

/// <summary>Lengths as the intake's ids (200), URLs by <see cref="LtiUrls"/>.</summary>
public sealed class LtiPlatformRequestValidator : AbstractValidator<LtiPlatformRequest>
{
    public LtiPlatformRequestValidator(IOptions<LtiApiOptions> options)
    {
        RuleFor(r => r.Source).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Issuer).NotEmpty().MaximumLength(LtiUrls.MaxLength);
        RuleFor(r => r.ClientId).NotEmpty().MaximumLength(255);
        RuleFor(r => r.DeploymentId).NotEmpty().MaximumLength(255);
        RuleFor(r => r.TokenUrl).Custom((url, context) =>
        {
            if (LtiUrls.Problem(url, options.Value.AllowHttpLoopback) is { } why)
            {
                context.AddFailure($"tokenUrl {why}.");
            }
        });
        RuleFor(r => r.Audience).MaximumLength(LtiUrls.MaxLength);
    }
}

public sealed class LtiLineItemMapRequestValidator : AbstractValidator<LtiLineItemMapRequest>
{
    public LtiLineItemMapRequestValidator(IOptions<LtiApiOptions> options)
    {
        RuleFor(r => r.Source).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Course).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Assignment).NotEmpty().MaximumLength(200);
        RuleFor(r => r.LineItemUrl).Custom((url, context) =>
        {
            if (LtiUrls.Problem(url, options.Value.AllowHttpLoopback) is { } why)
            {
                context.AddFailure($"lineItemUrl {why}.");
            }
        });
    }
}
