using System.Globalization;

namespace Grader.Grading.Variants;

/// <summary>Where a variant's numbers came from.</summary>
public enum VariantOrigin
{
    /// <summary>The handout's numbers (every problem that declares no parameters has only this one).</summary>
    Handout,

    /// <summary>Drawn from a seed (a student's, derived from the course salt and ids, or one given by hand).</summary>
    Seed,

    /// <summary>Values set by an instructor for one student (an accommodation), on top of the seed's or the handout's.</summary>
    Override,
}

/// <summary>The parameter values one problem was built with, and where they came from.</summary>
public sealed record Variant(VariantOrigin Origin, ulong? Seed, IReadOnlyDictionary<string, double> Values)
{
    public static Variant Handout { get; } = new(VariantOrigin.Handout, null, new Dictionary<string, double>());

    /// <summary>Names the variant uniquely within a problem version (a cache key): "handout", "seed 42", "a=1, b=-2".</summary>
    public string Key => Origin switch
    {
        VariantOrigin.Handout => "handout",
        VariantOrigin.Seed => string.Create(CultureInfo.InvariantCulture, $"seed {Seed}"),
        _ => string.Join(", ", Values.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={Parameter.Format(pair.Value)}")),
    };

    public override string ToString() => Origin == VariantOrigin.Handout || Values.Count == 0
        ? Key
        : $"{Key}: {string.Join(", ", Values.Select(pair => $"{pair.Key} = {Parameter.Format(pair.Value)}"))}";
}

/// <summary>What an instructor may set for one student: a seed of their choice, parameter values, or both.</summary>
public sealed record VariantOverride(ulong? Seed, IReadOnlyDictionary<string, double>? Values);
