using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.References;
using Grader.Grading.References.Expressions;

namespace Grader.Grading.Variants;

/// <summary>One seed whose variant is not well posed: why (naming the part), so the author can reproduce it with the seed.</summary>
public sealed record VariantFailure(ulong Seed, string Reason);

/// <summary>The range one reference number takes over the sampled variants.</summary>
public sealed record ReferenceSpread(string Label, double Min, double Max, double Mean);

/// <summary>What <c>grader check</c> learns by sampling a randomized problem's variants.</summary>
public sealed record VariantSurveyResult(int Variants, IReadOnlyList<VariantFailure> Failures, IReadOnlyList<ReferenceSpread> Spreads)
{
    public bool WellPosed => Failures.Count == 0;
}

/// <summary>
/// Builds the variants of seeds 1…N and requires each to be well posed: it loads (every reference computed), meets the
/// constraints within <see cref="ProblemVariants.MaxDraws"/> draws, and draws no warning (a kink or tie at a point, which
/// the handout may avoid but a variant may hit).
/// </summary>
public static class VariantSurvey
{
    public static VariantSurveyResult Run(Problem problem, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var variants = problem.Variants ?? throw new ArgumentException($"problem {problem.Id} declares no parameters", nameof(problem));
        var failures = new List<VariantFailure>();
        var numbers = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var seed = 1UL; seed <= (ulong)count; seed++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var check = variants.CheckSeed(seed);
            failures.AddRange(check.Errors.Select(error => new VariantFailure(seed, error.Message)));
            failures.AddRange(check.Warnings.Select(warning => new VariantFailure(seed, $"{warning} [{check.Problem?.Variant}]")));
            foreach (var part in check.Problem?.Parts ?? [])
            {
                foreach (var (label, value) in ReferenceNumbers.Of(part).Concat(AtFirstPoint(part, variants)))
                {
                    (numbers.TryGetValue(label, out var list) ? list : numbers[label] = []).Add(value);
                }
            }
        }
        var spreads = numbers.Select(pair => new ReferenceSpread(pair.Key, pair.Value.Min(), pair.Value.Max(), pair.Value.Average())).ToList();
        return new VariantSurveyResult(count, failures, spreads);
    }

    // An expression part whose reference varies (a gradient step from the variant's own point) has no single number: its
    // reference at the first sample point (the same point in every variant) stands for it.
    private static IEnumerable<(string Label, double Value)> AtFirstPoint(Part part, ProblemVariants variants)
    {
        if ((part.Key is HintedKey hinted ? hinted.Inner : part.Key) is not ExpressionKey expression || !variants.Varies(part.Id))
        {
            return [];
        }
        var values = expression.References[0].ToArray();
        return values.Length == 1
            ? [($"{part.Id} at point 1", values[0])]
            : values.Select((value, index) => (FormattableString.Invariant($"{part.Id} at point 1[{index}]"), value));
    }
}
