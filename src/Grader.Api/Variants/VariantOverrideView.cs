using System.Globalization;
using Grader.Data.Variants;
using Grader.Grading.Model;

namespace Grader.Api.Variants;

/// <summary>
/// An override as the API shows it: what was set (<c>seed</c> as decimal text, since JSON numbers lose precision past
/// 2^53; <c>values</c>), who set it, when and why, and, where the problem is known, the variant it gives (its key, as result
/// history records it, and every parameter's value).
/// </summary>
public sealed record VariantOverrideView(
    string Course, string Assignment, string ProblemId, string StudentId, string? Seed, IReadOnlyDictionary<string, double>? Values,
    string Reason, string SetBy, DateTimeOffset SetAt, string? Variant, IReadOnlyDictionary<string, double>? VariantValues)
{
    public static VariantOverrideView From(StoredVariantOverride stored, Problem? built) => new(
        stored.Key.Course, stored.Key.Assignment, stored.Key.ProblemId, stored.Key.StudentId,
        stored.Seed?.ToString(CultureInfo.InvariantCulture), stored.Values, stored.Reason, stored.SetBy, stored.SetAt,
        built?.Variant.Key, built?.Variant.Values);
}
