using FluentValidation;
using Grader.Data.Access;
using Grader.Grading.Loading;

namespace Grader.Api.Regrades;

/// <summary>
/// What a regrade request must be: well-formed fields, a known problem, a reason, and a course for an instructor key (only
/// admin keys regrade across courses). Scoped: it judges against the caller's scope and the catalog on disk now.
/// </summary>
public sealed class RegradeRequestValidator : AbstractValidator<RegradeRequestInput>
{
    private const int MaxReasonLength = 2000;

    public RegradeRequestValidator(ProblemCatalogProvider catalogs, CourseScope scope)
    {
        RuleFor(input => input).Custom((input, context) =>
        {
            foreach (var (field, messages) in input.ShapeErrors)
            {
                foreach (var message in messages)
                {
                    context.AddFailure(field, message);
                }
            }
        });
        RuleFor(input => input.Course)
            .NotNull().When(input => !scope.IsAll && !input.ShapeErrors.ContainsKey("course") && !input.ShapeErrors.ContainsKey("body"))
            .WithMessage("An instructor key must name one of its courses; only admin keys regrade across courses.");
        RuleFor(input => input.ProblemId)
            // A regrade usually follows an edit: judge the request (and plan the job) against the files on disk now.
            .Must(problemId => { catalogs.Refresh(); return catalogs.Current.TryGet(problemId!, out _); })
            .When(input => input.ProblemId is not null)
            .WithMessage(input => $"Unknown problem '{input.ProblemId}'.");
        RuleFor(input => input.Reason)
            .NotNull().When(input => !input.ShapeErrors.ContainsKey("reason") && !input.ShapeErrors.ContainsKey("body"))
            .WithMessage("Say why (e.g. \"tolerance of 1d widened\"): the reason is kept with the job.")
            .MaximumLength(MaxReasonLength).WithMessage($"At most {MaxReasonLength} characters.");
    }
}
