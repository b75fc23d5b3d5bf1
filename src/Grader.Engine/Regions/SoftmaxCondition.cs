using Grader.Engine.Activations;
using Grader.Engine.Networks;

namespace Grader.Engine.Regions;

/// <summary>Turns "a 2-way softmax output is at least p" into the linear condition on the layer below it that it equals.</summary>
public static class SoftmaxCondition
{
    /// <summary>
    /// oₖ = 1/(1 + e^{β(zⱼ − zₖ)}) ≥ p exactly when β(zₖ − zⱼ) ≥ ln(p/(1 − p)), and zₖ − zⱼ is linear in the layer below
    /// (z = a when the softmax layer has no weights, as in MIT 6.036 assignment 4).
    /// </summary>
    public static LinearCondition ProbabilityAtLeast(FeedForwardNetwork network, int outputIndex, double p)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layers = network.Layers;
        if (layers[^1].Activation is not Activation.SoftmaxActivation softmax)
        {
            throw new ArgumentException($"the network must end with a softmax layer, not {layers[^1].Activation.Name}", nameof(network));
        }
        if (layers.Take(layers.Count - 1).FirstOrDefault(layer => !layer.Activation.IsPiecewiseLinear) is { } smooth)
        {
            throw new ArgumentException(
                $"the layers below the softmax must be piecewise linear, but one uses {smooth.Activation.Name}", nameof(network));
        }
        if (network.OutputSize != 2)
        {
            throw new ArgumentException(
                $"only a 2-way softmax gives a linear condition; this one has {network.OutputSize} outputs", nameof(network));
        }
        if (outputIndex is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(outputIndex), "a 2-way softmax has outputs 0 and 1");
        }
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), "the probability must lie strictly between 0 and 1");
        }
        var k = outputIndex;
        var j = 1 - outputIndex;
        var below = layers.Count - 1;
        var width = LayerWidths.Of(network)[below];
        var softmaxLayer = layers[^1];
        var coefficients = new double[width];
        var threshold = Math.Log(p / (1 - p));
        if (softmaxLayer.Weights is { } w)
        {
            for (var i = 0; i < width; i++)
            {
                coefficients[i] = softmax.Beta * (w[k, i] - w[j, i]);
            }
        }
        else
        {
            coefficients[k] = softmax.Beta;
            coefficients[j] = -softmax.Beta;
        }
        if (softmaxLayer.Offsets is { } b)
        {
            threshold -= softmax.Beta * (b[k] - b[j]);
        }
        return LinearCondition.AtLeast(below, coefficients, threshold);
    }
}
