using FluentValidation;
using Grader.Api.Requests;
using Grader.Data.Manual;

namespace Grader.Api.ManualGrading;

/// <summary>The rules of <see cref="ManualAnswersRequest"/>: its state and the page.</summary>
public sealed class ManualAnswersRequestValidator : AbstractValidator<ManualAnswersRequest>
{
    public ManualAnswersRequestValidator()
    {
        RuleFor(r => r.State).Must(s => s is null || Enum.TryParse<ManualAnswerState>(s, ignoreCase: true, out _))
            .WithMessage("state must be 'ungraded', 'graded' or 'all'.");
        Include(new PageRules());
    }
}

/// <summary>The shape rules of <see cref="ManualGradeBody"/>; the part's own range and step are checked against the catalog.</summary>
public sealed class ManualGradeBodyValidator : AbstractValidator<ManualGradeBody>
{
    public ManualGradeBodyValidator()
    {
        RuleFor(b => b).Must(b => b.Points is not null || b.RubricItemIds is { Count: > 0 })
            .WithName("points").WithMessage("Give points, or rubricItemIds (with an optional adjustment).");
        RuleFor(b => b).Must(b => b.Points is null || b.RubricItemIds is not { Count: > 0 })
            .WithName("points").WithMessage("Give points or rubricItemIds, not both: applied items decide the points.");
        RuleFor(b => b.Adjustment).Null().When(b => b.RubricItemIds is not { Count: > 0 })
            .WithMessage("An adjustment goes with rubricItemIds.");
        RuleFor(b => b.Comment).MaximumLength(ManualGradeBody.MaxCommentLength);
        RuleFor(b => b.RubricItemIds).Must(ids => ids is null || ids.Distinct().Count() == ids.Count)
            .WithMessage("rubricItemIds must not repeat an item.");
    }
}

/// <summary>The rules of <see cref="RubricItemBody"/>: a label, finite points, a bounded description.</summary>
public sealed class RubricItemBodyValidator : AbstractValidator<RubricItemBody>
{
    public RubricItemBodyValidator()
    {
        RuleFor(b => b.Label).NotEmpty().MaximumLength(RubricItemBody.MaxLabelLength);
        RuleFor(b => b.Points).NotNull().Must(p => p is null || double.IsFinite(p.Value)).WithMessage("points must be a finite number.");
        RuleFor(b => b.Description).MaximumLength(RubricItemBody.MaxDescriptionLength);
    }
}
