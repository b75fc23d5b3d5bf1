using Grader.Engine.Activations;
using Grader.Engine.Linear;
using Grader.Engine.Networks;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Loading;

/// <summary>
/// Reads a network: <c>inputs</c> and <c>layers</c> of <c>weights</c> (rows = units), optional <c>offsets</c> and an
/// <c>activation</c> (<c>softmax</c> takes a <c>beta</c>). In a design template, weights may be parameter names that the
/// student's answer fills in.
/// </summary>
internal static class NetworkReader
{
    public static FeedForwardNetwork Read(YamlMap map, IReadOnlyDictionary<string, double>? parameters)
    {
        map.AllowOnly("inputs", "layers");
        var layers = new List<Layer>();
        foreach (var node in map.Sequence("layers"))
        {
            var layer = map.AsMap(node, "layers");
            layer.AllowOnly("weights", "offsets", "activation", "beta");
            var weights = layer.Has("weights") ? Cells(layer, "weights", parameters) : null;
            var offsets = layer.Has("offsets") ? Cells(layer, "offsets", parameters) : null;
            layers.Add(new Layer(weights, offsets, ReadActivation(layer)));
        }
        try
        {
            return new FeedForwardNetwork(map.Integer("inputs"), layers);
        }
        catch (Exception exception) when (exception is ShapeMismatchException or ArgumentException)
        {
            throw map.Error(EngineMessage.Of(exception));
        }
    }

    /// <summary>The parameter names a template uses, in order of appearance.</summary>
    public static IReadOnlyList<string> ParameterNames(YamlMap map)
    {
        var names = new List<string>();
        foreach (var layer in map.Sequence("layers").OfType<YamlMappingNode>())
        {
            foreach (var key in new[] { "weights", "offsets" })
            {
                if (!layer.Children.TryGetValue(new YamlScalarNode(key), out var cells))
                {
                    continue;
                }
                foreach (var node in cells.AllNodes)
                {
                    if (node is YamlScalarNode { Value: { } text } && IsName(text) && !names.Contains(text))
                    {
                        names.Add(text);
                    }
                }
            }
        }
        return names;
    }

    private static Activation ReadActivation(YamlMap layer)
    {
        var name = layer.OptionalString("activation") ?? "identity";
        if (name == "softmax")
        {
            return Activation.Softmax(layer.OptionalNumber("beta", 1));
        }
        return Activation.TryParse(name, out var activation)
            ? activation
            : throw layer.Error($"unknown activation '{name}' (identity, relu, lure, sigmoid, tanh, step, softmax)");
    }

    private static Matrix Cells(YamlMap layer, string key, IReadOnlyDictionary<string, double>? parameters)
    {
        if (parameters is null)
        {
            return layer.Matrix(key);
        }
        var node = layer.Require(key);
        var rows = node is YamlSequenceNode { Children: [YamlSequenceNode, ..] } sequence
            ? sequence.Children.Select(row => ((YamlSequenceNode)row).Children.Select(cell => Cell(layer, cell, parameters)).ToList()).ToList()
            : [((YamlSequenceNode)node).Children.Select(cell => Cell(layer, cell, parameters)).ToList()];
        var matrix = Matrix.FromRows(rows.Select(row => (IReadOnlyList<double>)row).ToList());
        return node is YamlSequenceNode { Children: [YamlSequenceNode, ..] } ? matrix : matrix.Transpose();
    }

    private static double Cell(YamlMap layer, YamlNode cell, IReadOnlyDictionary<string, double> parameters)
    {
        var text = layer.ScalarText(cell, "weights");
        return IsName(text) && parameters.TryGetValue(text, out var value) ? value : layer.Number(cell, "weights");
    }

    private static bool IsName(string text) => text.Length > 0 && char.IsLetter(text[0]) && text.All(char.IsLetterOrDigit)
        && text is not ("relu" or "lure" or "identity" or "linear" or "sigmoid" or "tanh" or "step" or "softmax" or "true" or "false");
}
