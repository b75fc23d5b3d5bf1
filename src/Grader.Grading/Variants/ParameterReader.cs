using System.Globalization;
using Grader.Grading.Loading;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Variants;

/// <summary>
/// Reads <c>parameters:</c>: each name maps to one distribution (<c>uniform: [low, high]</c> with a <c>step</c>,
/// <c>integer: [low, high]</c>, <c>choice: [values]</c> or <c>sign: true</c>), an optional <c>except: [values]</c> and the
/// handout's value as <c>handout:</c>.
/// </summary>
internal static class ParameterReader
{
    // A grid this long is a sign of a step typed wrong (0.0001 for 0.1); every value is kept in memory.
    private const int MaxValues = 100_000;

    public static IReadOnlyList<Parameter> Read(YamlMap parameters)
    {
        var result = new List<Parameter>();
        foreach (var name in parameters.Keys)
        {
            if (!IsName(name))
            {
                throw parameters.Error($"parameter name '{name}' must be a letter followed by letters, digits or _", parameters.Find(name));
            }
            var map = new YamlMap(parameters.AsMap(parameters.Require(name), name).Node, $"{parameters.Location}, parameter {name}");
            result.Add(ReadOne(name, map));
        }
        if (result.Count == 0)
        {
            throw parameters.Error("'parameters' declares no parameter");
        }
        return result;
    }

    public static bool IsName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static Parameter ReadOne(string name, YamlMap map)
    {
        map.AllowOnly("uniform", "step", "integer", "choice", "sign", "except", "handout");
        var kinds = new[] { "uniform", "integer", "choice", "sign" }.Where(map.Has).ToList();
        if (kinds.Count != 1)
        {
            throw map.Error("give exactly one of uniform (with step), integer, choice or sign");
        }
        var (values, description) = kinds[0] switch
        {
            "uniform" => Grid(map),
            "integer" => Integers(map),
            "choice" => Choices(map),
            _ => Sign(map),
        };
        if (map.Has("step") && kinds[0] != "uniform")
        {
            throw map.Error("'step' belongs to a uniform parameter");
        }
        var except = map.Find("except") is { } node ? Numbers(map, node, "except") : [];
        values = values.Where(value => !except.Any(excluded => Math.Abs(excluded - value) <= 1e-9 * Math.Max(1, Math.Abs(value)))).ToList();
        if (values.Count == 0)
        {
            throw map.Error("no value is left once 'except' is removed");
        }
        var handout = map.Find("handout") is { } given ? map.Number(given, "handout") : values[(values.Count - 1) / 2];
        var parameter = new Parameter(name, values, handout, except.Count == 0 ? description
            : $"{description} except {string.Join(", ", except.Select(Parameter.Format))}");
        if (map.Has("handout") && !parameter.Allows(handout))
        {
            // The handout must be a variant like any other, or check could pass on numbers no student can get.
            throw map.Error($"the handout value {Parameter.Format(handout)} is not one the distribution can draw ({description})", map.Find("handout"));
        }
        return parameter;
    }

    private static (List<double>, string) Grid(YamlMap map)
    {
        var range = Numbers(map, map.Require("uniform"), "uniform");
        if (range.Count != 2 || !(range[0] <= range[1]))
        {
            throw map.Error("'uniform' is [low, high] with low ≤ high", map.Find("uniform"));
        }
        if (!map.Has("step"))
        {
            throw map.Error("a uniform parameter needs a 'step' (values are drawn on a grid, so prompts show short numbers)");
        }
        var step = map.Number("step");
        var count = step > 0 ? Math.Floor((range[1] - range[0]) / step + 1e-9) + 1 : double.PositiveInfinity;
        if (!(count <= MaxValues))
        {
            throw map.Error(FormattableString.Invariant($"'step' must be positive and leave at most {MaxValues} values"), map.Find("step"));
        }
        // Rounded to the step's decimals, so 0.1·3 is 0.3 and not 0.30000000000000004 in a prompt.
        var decimals = Math.Clamp(Decimals(step) + Decimals(range[0]), 0, 15);
        var values = Enumerable.Range(0, (int)count).Select(k => Math.Round(range[0] + k * step, decimals)).ToList();
        return (values, $"uniform on [{Parameter.Format(range[0])}, {Parameter.Format(range[1])}] step {Parameter.Format(step)}");
    }

    private static (List<double>, string) Integers(YamlMap map)
    {
        var range = Numbers(map, map.Require("integer"), "integer");
        if (range.Count != 2 || range.Any(value => value != Math.Round(value)) || !(range[0] <= range[1]) || range[1] - range[0] >= MaxValues)
        {
            throw map.Error(FormattableString.Invariant($"'integer' is [low, high]: two integers, low ≤ high, at most {MaxValues} values"), map.Find("integer"));
        }
        var values = Enumerable.Range(0, (int)(range[1] - range[0]) + 1).Select(k => range[0] + k).ToList();
        return (values, $"an integer in [{Parameter.Format(range[0])}, {Parameter.Format(range[1])}]");
    }

    private static (List<double>, string) Choices(YamlMap map)
    {
        var values = Numbers(map, map.Require("choice"), "choice");
        if (values.Count == 0 || values.Distinct().Count() != values.Count)
        {
            throw map.Error("'choice' is a list of distinct numbers", map.Find("choice"));
        }
        return (values, $"one of {string.Join(", ", values.Select(Parameter.Format))}");
    }

    private static (List<double>, string) Sign(YamlMap map) => map.OptionalBool("sign", false)
        ? ([-1, 1], "a random sign (−1 or 1)")
        : throw map.Error("'sign' is true (a random −1 or 1)", map.Find("sign"));

    private static List<double> Numbers(YamlMap map, YamlNode node, string what) => node is YamlSequenceNode sequence
        ? sequence.Children.Select(child => map.Number(child, what)).ToList()
        : throw map.Error($"'{what}' must be a list of numbers", node);

    private static int Decimals(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return text.Contains('E', StringComparison.OrdinalIgnoreCase) ? 15 : dot < 0 ? 0 : text.Length - dot - 1;
    }
}
