using Grader.Engine.Activations;
using Grader.Engine.Networks;
using Grader.Engine.Regions;
using Grader.Grading.Loading;

namespace Grader.Grading.References.Quantities;

/// <summary>
/// Reads <c>region: {network, beta?, box: [[x0, x1], [y0, y1]], where: …}</c>. The condition is either a linear one on a
/// layer's activations, <c>{layer: 1, coefficients?: [..] (default: the sum), compare: "==" | "&lt;=" | "&gt;=", value}</c>,
/// a softmax probability, <c>{output: 2, atLeast: 0.001}</c> (2-way; outputs count from 1), or the region where a K-way
/// softmax output is the largest, <c>{argmax: k}</c>.
/// </summary>
internal static class RegionReader
{
    public static QuantitySource Read(YamlMap region, ProblemContext context)
    {
        region.AllowOnly("network", "beta", "box", "where");
        var network = context.Network(region, "network");
        if (region.Has("beta"))
        {
            network = WithSoftmaxBeta(network, region.Number("beta"));
        }
        var box = ReadBox(region);
        var where = region.Map("where");
        try
        {
            if (where.Has("argmax"))
            {
                where.AllowOnly("argmax");
                return new ArgmaxRegionQuantities(network, box, where.Integer("argmax") - 1);
            }
            var condition = where.Has("output") ? ReadSoftmaxCondition(where, network) : ReadLinearCondition(where, network);
            // Only a 2-input network has pieces of the plane; any other is refused by the engine with its own message.
            var pieces = network.InputSize == 2 ? () => context.Pieces(network, box) : (Func<IReadOnlyList<LinearPiece>>?)null;
            return new RegionQuantities(network, box, condition, $"where {condition}") { Pieces = pieces };
        }
        catch (ArgumentException exception)
        {
            var message = EngineMessage.Of(exception);
            throw where.Error(network.OutputSize > 2 && where.Has("output")
                ? $"{message}: for a {network.OutputSize}-way softmax ask for the region where an output is the largest, where: {{argmax: k}}"
                : message);
        }
    }

    /// <summary>The same network with every softmax layer's inverse temperature set to β.</summary>
    public static FeedForwardNetwork WithSoftmaxBeta(FeedForwardNetwork network, double beta) =>
        new(network.InputSize, network.Layers
            .Select(layer => layer.Activation is Activation.SoftmaxActivation ? layer with { Activation = Activation.Softmax(beta) } : layer)
            .ToList());

    private static Box ReadBox(YamlMap region)
    {
        var box = region.Matrix("box");
        if (box.Rows != 2 || box.Columns != 2 || box[0, 0] >= box[0, 1] || box[1, 0] >= box[1, 1])
        {
            throw region.Error("'box' must be [[xmin, xmax], [ymin, ymax]] with min < max");
        }
        return new Box(box[0, 0], box[0, 1], box[1, 0], box[1, 1]);
    }

    private static LinearCondition ReadSoftmaxCondition(YamlMap where, FeedForwardNetwork network)
    {
        where.AllowOnly("output", "atLeast");
        return SoftmaxCondition.ProbabilityAtLeast(network, where.Integer("output") - 1, where.Number("atLeast"));
    }

    private static int Width(FeedForwardNetwork network, int layer)
    {
        var width = network.InputSize;
        for (var l = 0; l < layer; l++)
        {
            width = network.Layers[l].OutputSize(width);
        }
        return width;
    }

    private static LinearCondition ReadLinearCondition(YamlMap where, FeedForwardNetwork network)
    {
        where.AllowOnly("layer", "coefficients", "compare", "value");
        var layer = where.Integer("layer");
        if (layer < 0 || layer > network.Layers.Count)
        {
            throw where.Error($"the network has layers 1 to {network.Layers.Count} (0 is the input)");
        }
        var width = Width(network, layer);
        var coefficients = where.Has("coefficients")
            ? where.Matrix("coefficients").ToArray()
            : Enumerable.Repeat(1.0, width).ToArray();
        var relation = where.String("compare") switch
        {
            "==" or "=" => Relation.EqualTo,
            "<=" => Relation.AtMost,
            ">=" => Relation.AtLeast,
            var other => throw where.Error($"'compare' must be ==, <= or >=, not '{other}'"),
        };
        return new LinearCondition(layer, coefficients, relation, where.Number("value"));
    }
}
