using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.Problems;

/// <summary><c>GET /api/v1/problems/{id}/variant?course=&amp;assignment=&amp;studentId=</c>: whose variant to show.</summary>
public sealed class VariantRequest
{
    [FromRoute] public string Id { get; set; } = "";
    [FromQuery] public string? Course { get; set; }
    [FromQuery] public string? Assignment { get; set; }
    [FromQuery] public string? StudentId { get; set; }
}

/// <summary>The rules of <see cref="VariantRequest"/>: a student's variant needs all three ids.</summary>
public sealed class VariantRequestValidator : AbstractValidator<VariantRequest>
{
    public VariantRequestValidator()
    {
        RuleFor(r => r.Course).NotEmpty().WithMessage("course is required.");
        RuleFor(r => r.Assignment).NotEmpty().WithMessage("assignment is required.");
        RuleFor(r => r.StudentId).NotEmpty().WithMessage("studentId is required.");
    }
}
