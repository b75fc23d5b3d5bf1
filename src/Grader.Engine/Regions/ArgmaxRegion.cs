using Grader.Engine.Activations;
using Grader.Engine.Networks;

namespace Grader.Engine.Regions;

/// <summary>
/// The region of the plane where a softmax network's output k is the largest — the class a multi-class net predicts there.
/// softmax is monotone, so oₖ ≥ oⱼ exactly when zₖ ≥ zⱼ, a linear condition on the layer below the softmax; the region is
/// the intersection of K − 1 such half-planes. Below a piecewise-linear stack it is a union of polygons (exact area);
/// otherwise the area is adaptive on g = minⱼ (zₖ − zⱼ), whose Lipschitz constant is the largest of the K − 1 conditions'.
/// </summary>
public static class ArgmaxRegion
{
    /// <summary>The K − 1 conditions zₖ − zⱼ ≥ 0 (j ≠ k) on the layer below the softmax; outputs count from 0.</summary>
    public static IReadOnlyList<LinearCondition> Conditions(FeedForwardNetwork network, int outputIndex)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layers = network.Layers;
        if (layers[^1].Activation is not Activation.SoftmaxActivation softmax)
        {
            throw new ArgumentException($"an argmax region needs a network that ends with a softmax layer, not {layers[^1].Activation.Name}");
        }
        if (outputIndex < 0 || outputIndex >= network.OutputSize)
        {
            throw new ArgumentException($"the network has outputs 1 to {network.OutputSize}");
        }
        var below = layers.Count - 1;
        var width = LayerWidths.Of(network)[below];
        var top = layers[^1];
        var conditions = new List<LinearCondition>();
        for (var j = 0; j < network.OutputSize; j++)
        {
            if (j == outputIndex)
            {
                continue;
            }
            var coefficients = new double[width];
            for (var i = 0; i < width; i++)
            {
                coefficients[i] = top.Weights is { } w ? softmax.Beta * (w[outputIndex, i] - w[j, i])
                    : softmax.Beta * ((i == outputIndex ? 1 : 0) - (i == j ? 1 : 0));
            }
            var threshold = top.Offsets is { } b ? -softmax.Beta * (b[outputIndex] - b[j]) : 0;
            conditions.Add(LinearCondition.AtLeast(below, coefficients, threshold));
        }
        return conditions;
    }

    /// <summary>The area where output k is the largest: exact below piecewise-linear layers, adaptive (with its bound) otherwise.</summary>
    public static AreaEstimate Area(FeedForwardNetwork network, Box box, int outputIndex)
    {
        ArgumentNullException.ThrowIfNull(box);
        var conditions = Conditions(network, outputIndex);
        if (network.InputSize != 2)
        {
            throw new ArgumentException($"regions of the plane need a network with 2 inputs, not {network.InputSize}");
        }
        var below = conditions[0].Layer;
        if (network.Layers.Take(below).All(layer => layer.Activation.IsPiecewiseLinear))
        {
            var area = 0.0;
            foreach (var piece in PiecewiseLinearRegions.Decompose(network, box))
            {
                var polygon = conditions.Aggregate(piece.Polygon, (clipped, condition) => clipped.ClipTo(condition.Margin(piece)));
                area += polygon.IsEmpty ? 0 : polygon.Area;
            }
            return new AreaEstimate(area, 0);
        }
        var lipschitz = conditions.Max(c => Math.Sqrt(c.Coefficients.Sum(x => x * x))) * LipschitzBound.OfLayers(network, below);
        double G(double x, double y)
        {
            var a = Engine.Linear.Matrix.Column(x, y);
            foreach (var layer in network.Layers.Take(below))
            {
                a = layer.Activation.Apply(layer.PreActivation(a));
            }
            return conditions.Min(condition => condition.Margin(a.Values));
        }
        return RegionArea.Adaptive(G, lipschitz, box, 1e-4 * box.Area, 1_000_000);
    }
}
