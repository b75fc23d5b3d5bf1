using System.Globalization;
using Grader.Engine.Linear;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Loading;

/// <summary>
/// A YAML mapping read with typed getters whose errors name the place: "problems/x.yaml, part 2b, line 14: …".
/// </summary>
internal sealed class YamlMap(YamlMappingNode node, string location)
{
    public string Location { get; } = location;

    public YamlMappingNode Node { get; } = node;

    public IEnumerable<string> Keys => Node.Children.Keys.OfType<YamlScalarNode>().Select(key => key.Value ?? "");

    public bool Has(string key) => Find(key) is not null;

    public YamlNode? Find(string key) => Node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public ProblemFileException Error(string reason, YamlNode? at = null) =>
        new(FormattableString.Invariant($"{Location}, line {(at ?? Node).Start.Line}"), reason);

    public YamlNode Require(string key) => Find(key) ?? throw Error($"'{key}' is required");

    public string String(string key) => ScalarText(Require(key), key);

    public string? OptionalString(string key) => Find(key) is { } node ? ScalarText(node, key) : null;

    public double Number(string key) => Number(Require(key), key);

    public double OptionalNumber(string key, double fallback) => Find(key) is { } node ? Number(node, key) : fallback;

    public int Integer(string key) => Integer(Require(key), key);

    public bool OptionalBool(string key, bool fallback) => Find(key) switch
    {
        null => fallback,
        YamlScalarNode { Value: "true" } => true,
        YamlScalarNode { Value: "false" } => false,
        var other => throw Error($"'{key}' must be true or false", other),
    };

    public YamlMap Map(string key) => AsMap(Require(key), key);

    public YamlMap? OptionalMap(string key) => Find(key) is { } node ? AsMap(node, key) : null;

    public YamlSequenceNode Sequence(string key) =>
        Require(key) as YamlSequenceNode ?? throw Error($"'{key}' must be a list", Find(key));

    public YamlMap AsMap(YamlNode node, string what) =>
        node is YamlMappingNode mapping ? new YamlMap(mapping, Location) : throw Error($"'{what}' must be a mapping", node);

    /// <summary>A list of numbers as a column, or a list of rows as a matrix.</summary>
    public Matrix Matrix(string key) => Matrix(Require(key), key);

    public Matrix Matrix(YamlNode node, string what)
    {
        if (node is YamlScalarNode)
        {
            return Engine.Linear.Matrix.Scalar(Number(node, what));
        }
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            throw Error($"'{what}' must be a number, a list of numbers or a list of rows", node);
        }
        if (sequence.Children[0] is YamlSequenceNode)
        {
            var rows = sequence.Children.Select(row => row is YamlSequenceNode cells
                ? (IReadOnlyList<double>)cells.Children.Select(cell => Number(cell, what)).ToList()
                : throw Error($"'{what}': every row must be a list", row)).ToList();
            if (rows.Any(row => row.Count != rows[0].Count))
            {
                throw Error($"'{what}': rows have different lengths", node);
            }
            return Engine.Linear.Matrix.FromRows(rows);
        }
        return Engine.Linear.Matrix.Column(sequence.Children.Select(cell => Number(cell, what)).ToArray());
    }

    public double Number(YamlNode node, string what)
    {
        var text = ScalarText(node, what);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error($"'{what}' must be a finite number, not '{text}'", node);
    }

    public int Integer(YamlNode node, string what)
    {
        var text = ScalarText(node, what);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"'{what}' must be an integer, not '{text}'", node);
    }

    public string ScalarText(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } text } ? text : throw Error($"'{what}' must be a single value", node);

    /// <summary>Fails on keys the schema does not know, so a typo in a problem file is caught by <c>grader check</c>.</summary>
    public void AllowOnly(params string[] keys)
    {
        foreach (var (key, _) in Node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!keys.Contains(name))
            {
                throw Error($"unknown key '{name}' (expected one of: {string.Join(", ", keys)})", key);
            }
        }
    }
}
