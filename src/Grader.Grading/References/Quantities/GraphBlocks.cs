using Grader.Engine.Attention;
using Grader.Engine.Autodiff;
using Grader.Engine.Convolution;
using Grader.Engine.Recurrent;
using Grader.Engine.Sequences;
using Grader.Grading.Loading;

namespace Grader.Grading.References.Quantities;

/// <summary>
/// A graph definition given as a block instead of an expression: <c>conv1d</c>, <c>conv2d</c>, <c>maxpool</c>,
/// <c>avgpool</c>, <c>attention</c>, <c>attentionWeights</c>, <c>stack</c> (columns as the rows of a matrix) or <c>rnn</c>
/// (a recurrent cell unrolled over the rows of an input, defining every step's state and gates: h1 … hT, z1 …). Blocks
/// are tensor operations, so every dF/dV through them is reverse-mode autodiff, through time for a recurrent cell.
/// </summary>
internal static class GraphBlocks
{
    private static readonly string[] Kinds = ["conv1d", "conv2d", "maxpool", "avgpool", "attention", "attentionWeights", "stack", "rnn"];

    public static void Define(string name, YamlMap block, Dictionary<string, Tensor> nodes)
    {
        var kind = block.Keys.SingleOrDefault(Kinds.Contains);
        if (kind is null || block.Keys.Count() != 1)
        {
            throw block.Error($"definition '{name}' is an expression or one block: {string.Join(", ", Kinds)}");
        }
        if (kind == "stack")
        {
            var steps = block.Require("stack") as YamlDotNet.RepresentationModel.YamlSequenceNode
                ?? throw block.Error($"definition '{name}': 'stack' is a list of node names");
            Add(block, nodes, name, SequenceOps.StackRows(steps.Children.Select(step => Node(block, nodes, block.ScalarText(step, "stack"))).ToList()));
            return;
        }
        var spec = block.Map(kind);
        var value = kind switch
        {
            "conv1d" => Convolution(spec, nodes, ConvolutionOps.Conv1d),
            "conv2d" => Convolution(spec, nodes, ConvolutionOps.Conv2d),
            "maxpool" => Pooling(spec, nodes, ConvolutionOps.MaxPool),
            "avgpool" => Pooling(spec, nodes, ConvolutionOps.AveragePool),
            "attention" => Attention(spec, nodes, weightsOnly: false),
            "attentionWeights" => Attention(spec, nodes, weightsOnly: true),
            _ => Recurrent(name, spec, nodes),
        };
        Add(block, nodes, name, value);
    }

    private static Tensor Convolution(YamlMap spec, Dictionary<string, Tensor> nodes, Func<Tensor, Tensor, int, int, Tensor> convolve)
    {
        spec.AllowOnly("input", "kernel", "stride", "padding");
        return convolve(Node(spec, nodes, spec.String("input")), Node(spec, nodes, spec.String("kernel")),
            Whole(spec, "stride", 1, 1), Whole(spec, "padding", 0, 0));
    }

    private static Tensor Pooling(YamlMap spec, Dictionary<string, Tensor> nodes, Func<Tensor, int, int, Tensor> pool)
    {
        spec.AllowOnly("input", "size", "stride");
        var size = Whole(spec, "size", null, 1);
        return pool(Node(spec, nodes, spec.String("input")), size, Whole(spec, "stride", size, 1));
    }

    private static Tensor Attention(YamlMap spec, Dictionary<string, Tensor> nodes, bool weightsOnly)
    {
        spec.AllowOnly(weightsOnly ? ["queries", "keys"] : ["queries", "keys", "values"]);
        var (queries, keys) = (Node(spec, nodes, spec.String("queries")), Node(spec, nodes, spec.String("keys")));
        return weightsOnly ? AttentionOps.Weights(queries, keys) : AttentionOps.ScaledDotProduct(queries, keys, Node(spec, nodes, spec.String("values")));
    }

    // rnn: {cell: rnn | gru | lstm, inputs: X (one row per step), initial: h0 (zeros when absent), parameters: {Wx: A, …}}.
    private static Tensor Recurrent(string name, YamlMap spec, Dictionary<string, Tensor> nodes)
    {
        spec.AllowOnly("cell", "inputs", "initial", "parameters");
        var cellName = spec.String("cell");
        if (!RecurrentCell.TryCreate(cellName, out var cell))
        {
            throw spec.Error($"unknown cell '{cellName}' (rnn, gru, lstm)");
        }
        var renamed = spec.OptionalMap("parameters");
        renamed?.AllowOnly([.. cell.ParameterNames]);
        var parameters = cell.ParameterNames.ToDictionary(
            parameter => parameter, parameter => Node(spec, nodes, renamed?.OptionalString(parameter) ?? parameter), StringComparer.Ordinal);
        var hiddenSize = parameters[cell.ParameterNames[^1]].Shape.Rows;
        var initial = cell.ZeroState(hiddenSize).ToDictionary(
            pair => pair.Key, pair => pair.Key == "h" && spec.OptionalString("initial") is { } h0 ? Node(spec, nodes, h0) : pair.Value, StringComparer.Ordinal);
        var steps = cell.Run(parameters, Node(spec, nodes, spec.String("inputs")), initial);
        for (var t = 0; t < steps.Count; t++)
        {
            foreach (var (part, value) in steps[t])
            {
                Add(spec, nodes, $"{part}{t + 1}", value, $"the {cellName} block '{name}'");
            }
        }
        return SequenceOps.StackRows(steps.Select(step => step["h"]).ToList());
    }

    private static Tensor Node(YamlMap at, Dictionary<string, Tensor> nodes, string name) => nodes.TryGetValue(name, out var node)
        ? node
        : throw at.Error($"no node named '{name}' (defined so far: {string.Join(", ", nodes.Keys)})");

    private static void Add(YamlMap at, Dictionary<string, Tensor> nodes, string name, Tensor value, string? by = null)
    {
        if (!nodes.TryAdd(name, value))
        {
            throw at.Error(by is null ? $"'{name}' is defined twice" : $"{by} defines '{name}', which is already a node: rename one");
        }
    }

    private static int Whole(YamlMap spec, string key, int? fallback, int minimum)
    {
        var value = spec.Has(key) || fallback is null ? spec.Integer(key) : fallback.Value;
        return value >= minimum ? value : throw spec.Error($"'{key}' must be at least {minimum}");
    }
}
