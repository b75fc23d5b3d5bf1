using Grader.Engine.Sampling;
using Grader.Grading.Loading;
using Grader.Grading.Model;

namespace Grader.Grading.Variants;

/// <summary>
/// The variants of a problem file that declares <c>parameters:</c>: a seed draws each parameter (each from its own stream,
/// so adding a parameter leaves the others' draws alone), redrawing until the file's constraints hold, and the engine
/// computes that variant's references. Building is serialized (the file's tree is filled in place); cache the results
/// with <see cref="VariantCache"/>.
/// </summary>
public sealed class ProblemVariants
{
    /// <summary>Draws tried per seed before a seed is declared unsatisfiable (check reports it with the seed).</summary>
    public const int MaxDraws = 64;

    private readonly VariantTemplate _template;

    internal ProblemVariants(VariantTemplate template) => _template = template;

    public IReadOnlyList<Parameter> Parameters => _template.Parameters;

    /// <summary>Whether a part's reference may differ between variants (a parameter reaches it, or it carries credit).</summary>
    public bool Varies(string partId) => _template.Varies(partId);

    /// <summary>Drops the parts earlier variants computed (see <see cref="PartMemo"/>): the next build computes every varying part.</summary>
    internal void ForgetComputedParts() => _template.ForgetParts();

    /// <summary>The variant of one student of a course: the seed from the course salt and the ids.</summary>
    public Problem ForStudent(string courseSalt, VariantKey key) => ForSeed(VariantSeed.For(courseSalt, _template.ProblemId, key));

    public Problem ForSeed(ulong seed) => Require(CheckSeed(seed));

    /// <summary>A seed's variant as check sees it: the problem, or errors naming the part and seed; warnings are kept.</summary>
    public ProblemCheck CheckSeed(ulong seed)
    {
        string? lastReason = null;
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var values = Draw(seed, draw);
            if ((lastReason = _template.Conditions.ParameterViolation(values)) is not null)
            {
                continue;
            }
            var (check, violation) = _template.Build(new Variant(VariantOrigin.Seed, seed, values));
            if (violation is null || !check.Loaded)
            {
                return check;
            }
            lastReason = violation;
        }
        return new ProblemCheck(_template.File, null,
            [new ProblemFileException(_template.File, FormattableString.Invariant($"seed {seed}: no draw of {MaxDraws} satisfies the constraints (last: {lastReason})"))], []);
    }

    /// <summary>An instructor's override: the seed's draw (or the handout's numbers) with the given values put in.</summary>
    public Problem For(VariantOverride choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (choice.Values is null or { Count: 0 })
        {
            return choice.Seed is { } seed ? ForSeed(seed) : _template.Handout;
        }
        var values = choice.Seed is { } drawnFrom ? new Dictionary<string, double>(ForSeed(drawnFrom).Variant.Values) : _template.HandoutValues();
        foreach (var (name, value) in choice.Values)
        {
            var parameter = Parameters.FirstOrDefault(p => p.Name == name)
                ?? throw new VariantException($"no parameter '{name}' (declared: {string.Join(", ", Parameters.Select(p => p.Name))})");
            values[name] = parameter.Allows(value)
                ? value
                : throw new VariantException($"{name} = {Parameter.Format(value)} is not a value of {parameter.Description}");
        }
        if (_template.Conditions.ParameterViolation(values) is { } broken)
        {
            throw new VariantException(broken);
        }
        var (check, violation) = _template.Build(new Variant(VariantOrigin.Override, choice.Seed, values));
        return violation is null ? Require(check) : throw new VariantException(violation);
    }

    private Dictionary<string, double> Draw(ulong seed, int draw)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var parameter in Parameters)
        {
            values[parameter.Name] = parameter.Draw(new SeededRandom(StreamSeed(seed, parameter.Name, draw)));
        }
        return values;
    }

    // FNV-1a of the name, mixed with the seed and the draw number; SplitMix64 scrambles whatever state it is given.
    private static ulong StreamSeed(ulong seed, string name, int draw)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return seed ^ hash ^ ((ulong)draw * 0xD1B54A32D192ED03UL);
    }

    private static Problem Require(ProblemCheck check) =>
        check.Problem ?? throw new VariantException(string.Join("; ", check.Errors.Select(error => error.Message)));
}
