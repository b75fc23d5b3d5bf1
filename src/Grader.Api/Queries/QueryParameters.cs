using System.Globalization;
using Grader.Data.Queries;

namespace Grader.Api.Queries;

/// <summary>
/// Reads the query-string parameters of the instructor queries itself, so that every bad value is a 400 that names its
/// parameter (framework binding would answer a bare 400).
/// </summary>
public sealed class QueryParameters
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public bool IsValid => Errors.Count == 0;

    public int Limit(string? text)
    {
        if (text is null)
        {
            return DefaultLimit;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }

        Errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
        return DefaultLimit;
    }

    /// <summary>An ISO 8601 time; a date alone means midnight UTC.</summary>
    public DateTimeOffset? Time(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var time))
        {
            return time;
        }

        Errors[name] = [$"{name} must be an ISO 8601 time such as 2026-11-01T12:00:00Z or 2026-11-01."];
        return null;
    }

    public void CheckWindow(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is not null && to is not null && from >= to)
        {
            Errors["to"] = ["to must be later than from (the window is from <= time < to)."];
        }
    }

    public T? Cursor<T>(string? text, Func<string, T?> decode)
        where T : class
    {
        if (text is null)
        {
            return null;
        }

        var cursor = PageCursor.TryOpen(text) is { } payload ? decode(payload) : null;
        if (cursor is null)
        {
            Errors["cursor"] = ["cursor is not one this API returned (pass nextCursor unchanged)."];
        }

        return cursor;
    }

    public GradebookPolicy Policy(string? text)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "latest":
                return GradebookPolicy.Latest;
            case "best":
                return GradebookPolicy.Best;
            default:
                Errors["policy"] = ["policy must be 'latest' (the latest graded submission counts) or 'best'."];
                return GradebookPolicy.Latest;
        }
    }

    public bool Csv(string? format, string? accept)
    {
        switch (format?.ToLowerInvariant())
        {
            case "csv":
                return true;
            case "json":
                return false;
            case null:
                return accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true;
            default:
                Errors["format"] = ["format must be 'json' or 'csv'."];
                return false;
        }
    }
}
