using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Api.Variants;

/// <summary><c>GET /api/v1/courses/{course}/variant-overrides?assignment=&amp;problemId=&amp;limit=</c>: a course's overrides.</summary>
public sealed class VariantOverrideListRequest
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    [FromRoute] public string Course { get; set; } = "";
    [FromQuery] public string? Assignment { get; set; }
    [FromQuery] public string? ProblemId { get; set; }
    [FromQuery] public int? Limit { get; set; }
}

/// <summary>
/// An override as staff set it: <c>seed</c> (decimal digits, an unsigned 64-bit number: a fresh draw), <c>values</c>
/// (parameter values, put on top of the seed's draw, or of the handout's numbers without a seed), both, or neither (the
/// handout's numbers); <c>reason</c> for the record (an accommodation, a retake).
/// </summary>
public sealed record VariantOverrideBody(string? Seed, IReadOnlyDictionary<string, double>? Values, string? Reason)
{
    public const int MaxReasonLength = 2000;
    public const int MaxValues = 100;

    public ulong? SeedNumber() => Seed is null ? null : ulong.Parse(Seed, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>The rules of <see cref="VariantOverrideListRequest"/>: its limit.</summary>
public sealed class VariantOverrideListRequestValidator : AbstractValidator<VariantOverrideListRequest>
{
    public VariantOverrideListRequestValidator() =>
        RuleFor(r => r.Limit).InclusiveBetween(1, VariantOverrideListRequest.MaxLimit);
}

/// <summary>
/// The shape rules of <see cref="VariantOverrideBody"/>; whether the values are the problem's parameters' and meet its
/// constraints is checked by building the variant (the handler answers 400 naming the value).
/// </summary>
public sealed class VariantOverrideBodyValidator : AbstractValidator<VariantOverrideBody>
{
    public VariantOverrideBodyValidator()
    {
        RuleFor(b => b.Seed).Must(s => s is null || ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage("seed must be decimal digits of an unsigned 64-bit number (0 to 18446744073709551615).");
        RuleFor(b => b.Values).Must(v => v is null || v.Count <= VariantOverrideBody.MaxValues)
            .WithMessage($"values may set at most {VariantOverrideBody.MaxValues} parameters.");
        RuleFor(b => b.Values).Must(v => v is null || v.Values.All(double.IsFinite))
            .WithMessage("every value must be a finite number.");
        RuleFor(b => b.Values).Must(v => v is null || v.Keys.All(k => k.Length is > 0 and <= 100))
            .WithMessage("every parameter name must be 1 to 100 characters.");
        RuleFor(b => b.Reason).MaximumLength(VariantOverrideBody.MaxReasonLength);
    }
}
