using FluentValidation;

namespace Grader.Api.Requests;

/// <summary>A request limited to a time window, <c>from &lt;= time &lt; to</c>, either end optional.</summary>
public interface IWindowed
{
    string? From { get; }

    string? To { get; }
}

/// <summary>The window of a validated <see cref="IWindowed"/> request.</summary>
public static class Windows
{
    public static (DateTimeOffset? From, DateTimeOffset? To) Window(this IWindowed request) =>
        (Iso8601.ParseOrNull(request.From), Iso8601.ParseOrNull(request.To));
}

/// <summary>The rules of <see cref="IWindowed"/>: both ends ISO 8601, <c>to</c> after <c>from</c>.</summary>
public sealed class WindowRules : AbstractValidator<IWindowed>
{
    public WindowRules()
    {
        RuleFor(w => w.From).Must(BeTimeOrAbsent).WithMessage($"from must be an ISO 8601 time such as {Iso8601.Example}.");
        RuleFor(w => w.To).Must(BeTimeOrAbsent).WithMessage($"to must be an ISO 8601 time such as {Iso8601.Example}.");
        RuleFor(w => w.To)
            .Must((request, _) => request.Window() is not ({ } from, { } to) || from < to)
            .WithMessage("to must be later than from (the window is from <= time < to).");
    }

    private static bool BeTimeOrAbsent(string? text) => text is null || Iso8601.TryParse(text, out _);
}
