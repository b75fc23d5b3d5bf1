using System.Globalization;
using FluentValidation;

namespace Grader.Api.Requests;

/// <summary>
/// The one paging convention of every list: <c>limit</c> from 1 to <see cref="MaxLimit"/> (default
/// <see cref="DefaultLimit"/>), and <c>cursor</c>, the opaque <c>nextCursor</c> of the previous page passed back unchanged.
/// </summary>
public interface IPaged
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    string? Cursor { get; }

    string? Limit { get; }

    /// <summary>Whether <paramref name="cursor"/> is one this list hands out.</summary>
    bool IsCursor(string cursor);
}

/// <summary>The page size of a validated <see cref="IPaged"/> request.</summary>
public static class Pages
{
    /// <param name="defaultLimit">The list's own default, when it has one (a regrade report's page size).</param>
    public static int PageSize(this IPaged request, int defaultLimit = IPaged.DefaultLimit) =>
        int.TryParse(request.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : defaultLimit;
}

/// <summary>The rules of <see cref="IPaged"/>, included by the validator of every paged request.</summary>
public sealed class PageRules : AbstractValidator<IPaged>
{
    public PageRules()
    {
        RuleFor(p => p.Limit)
            .Must(limit => limit is null
                           || (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= IPaged.MaxLimit))
            .WithMessage($"limit must be a whole number from 1 to {IPaged.MaxLimit}.");
        RuleFor(p => p.Cursor)
            .Must((paged, cursor) => cursor is null || paged.IsCursor(cursor))
            .WithMessage("cursor is not one this API returned (pass nextCursor unchanged).");
    }
}
