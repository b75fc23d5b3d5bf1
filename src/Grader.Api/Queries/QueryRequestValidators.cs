using FluentValidation;
using Grader.Api.Requests;

namespace Grader.Api.Queries;

/// <summary>The rules of <see cref="SummaryRequest"/>: its window.</summary>
public sealed class SummaryRequestValidator : AbstractValidator<SummaryRequest>
{
    public SummaryRequestValidator() => Include(new WindowRules());
}

/// <summary>The rules of <see cref="GradebookRequest"/>: window, page, policy and format.</summary>
public sealed class GradebookRequestValidator : AbstractValidator<GradebookRequest>
{
    public GradebookRequestValidator()
    {
        Include(new WindowRules());
        Include(new PageRules());
        RuleFor(r => r.Policy).Must(p => p is null || p.ToLowerInvariant() is "latest" or "best")
            .WithMessage("policy must be 'latest' (the latest graded submission counts) or 'best'.");
        RuleFor(r => r.Format).Must(f => f is null || f.ToLowerInvariant() is "json" or "csv")
            .WithMessage("format must be 'json' or 'csv'.");
        RuleFor(r => r.Order).Must(o => o is null || o.ToLowerInvariant() is "asc" or "desc")
            .WithMessage("order must be 'asc' or 'desc'.");
    }
}

/// <summary>The rules of <see cref="StudentHistoryRequest"/>: window and page.</summary>
public sealed class StudentHistoryRequestValidator : AbstractValidator<StudentHistoryRequest>
{
    public StudentHistoryRequestValidator()
    {
        Include(new WindowRules());
        Include(new PageRules());
    }
}
