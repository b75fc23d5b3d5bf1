using System.Globalization;
using Grader.Engine.Expressions.Ast;
using Grader.Engine.Linear;
using Grader.Grading.Judging;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Variants;

/// <summary>
/// What a variant must satisfy to be handed out (<c>constraints:</c>). A text is a condition on the parameters
/// (<c>"a*b >= 0.5"</c>, true where every element is positive, as in a part's <c>where</c>), checked before anything is
/// computed; a mapping is a condition on one part's computed reference: <c>{ part: 1c.area0, atLeast: 4 }</c>,
/// <c>{ part: 1a, field: o2, between: [0.01, 0.99] }</c>, <c>awayFrom: [value, distance]</c>, or
/// <c>{ part: 2c, accepts: {…} }</c> (this answer, in the variant's numbers, must be graded correct: the design is
/// satisfiable). A draw that breaks one is redrawn.
/// </summary>
internal sealed class VariantConditions
{
    private readonly IReadOnlyList<(Expression Condition, string Text)> _onParameters;

    private VariantConditions(IReadOnlyList<(Expression, string)> onParameters, bool hasReferenceConditions)
    {
        _onParameters = onParameters;
        HasReferenceConditions = hasReferenceConditions;
    }

    public static VariantConditions None { get; } = new([], false);

    public bool HasReferenceConditions { get; }

    public static VariantConditions Read(YamlMap root, IReadOnlyList<string> names)
    {
        if (root.Find("constraints") is not { } node)
        {
            return None;
        }
        var sequence = node as YamlSequenceNode ?? throw root.Error("'constraints' must be a list", node);
        var onParameters = new List<(Expression, string)>();
        var onReferences = false;
        foreach (var child in sequence.Children)
        {
            if (child is YamlMappingNode mapping)
            {
                var map = new YamlMap(mapping, $"{root.Location}, constraints");
                map.AllowOnly("part", "field", "atLeast", "atMost", "between", "awayFrom", "accepts");
                map.String("part");
                if (!new[] { "atLeast", "atMost", "between", "awayFrom", "accepts" }.Any(map.Has))
                {
                    throw map.Error("a constraint on a part says atLeast, atMost, between, awayFrom or accepts");
                }
                onReferences = true;
                continue;
            }
            var text = root.ScalarText(child, "constraints");
            try
            {
                onParameters.Add((AuthorExpressions.Parse(text, names), text));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                throw root.Error($"constraint '{text}': {EngineMessage.Of(exception)}", child);
            }
        }
        return new VariantConditions(onParameters, onReferences);
    }

    /// <summary>The first condition on the parameters these values break, or null.</summary>
    public string? ParameterViolation(IReadOnlyDictionary<string, double> values)
    {
        var point = values.ToDictionary(pair => pair.Key, pair => Matrix.Scalar(pair.Value), StringComparer.Ordinal);
        foreach (var (condition, text) in _onParameters)
        {
            if (!condition.Evaluate(point).ToArray().All(element => element > 0))
            {
                return $"constraint '{text}' does not hold";
            }
        }
        return null;
    }

    /// <summary>The first condition on references that this built variant breaks, or null; reads the filled-in list.</summary>
    public static string? ReferenceViolation(YamlMap root, Problem problem)
    {
        if (root.Find("constraints") is not YamlSequenceNode sequence)
        {
            return null;
        }
        foreach (var mapping in sequence.Children.OfType<YamlMappingNode>())
        {
            var map = new YamlMap(mapping, $"{root.Location}, constraints");
            var partId = map.String("part");
            var part = problem.FindPart(partId) ?? throw map.Error($"no part '{partId}'");
            if (map.Find("accepts") is { } answer)
            {
                using var document = YamlJson.ToDocument(answer);
                var result = part.Grade(document.RootElement);
                if (result.Status != PartStatus.Correct)
                {
                    return $"part {partId}: the answer in 'accepts' is graded {result.Status.ToString().ToLowerInvariant()} ({result.Feedback})";
                }
                continue;
            }
            var violation = NumberViolation(map, part);
            if (violation is not null)
            {
                return violation;
            }
        }
        return null;
    }

    private static string? NumberViolation(YamlMap map, Part part)
    {
        var field = map.OptionalString("field");
        var numbers = ReferenceNumbers.Of(part)
            .Where(number => field is null || number.Label == $"{part.Id} {field}" || number.Label.StartsWith($"{part.Id} {field}[", StringComparison.Ordinal))
            .ToList();
        if (numbers.Count == 0)
        {
            throw map.Error(field is null ? $"part {part.Id} has no numeric reference to constrain" : $"part {part.Id} has no field '{field}'");
        }
        var low = map.OptionalNumber("atLeast", double.NegativeInfinity);
        var high = map.OptionalNumber("atMost", double.PositiveInfinity);
        if (map.Find("between") is YamlSequenceNode { Children.Count: 2 } between)
        {
            (low, high) = (map.Number(between.Children[0], "between"), map.Number(between.Children[1], "between"));
        }
        var (awayFrom, distance) = map.Find("awayFrom") is YamlSequenceNode { Children.Count: 2 } away
            ? (map.Number(away.Children[0], "awayFrom"), map.Number(away.Children[1], "awayFrom"))
            : (0.0, -1.0);
        foreach (var (label, value) in numbers)
        {
            if (!(value >= low && value <= high) || Math.Abs(value - awayFrom) < distance)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{label} = {value:R} breaks its constraint");
            }
        }
        return null;
    }
}
