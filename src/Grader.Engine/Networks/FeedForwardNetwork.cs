using Grader.Engine.Linear;

namespace Grader.Engine.Networks;

/// <summary>A feed-forward network of any depth and widths, with a per-layer activation and optional offsets.</summary>
public sealed partial class FeedForwardNetwork
{
    public FeedForwardNetwork(int inputSize, IReadOnlyList<Layer> layers)
    {
        if (inputSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSize), "a network needs at least one input");
        }
        if (layers.Count == 0)
        {
            throw new ArgumentException("a network needs at least one layer", nameof(layers));
        }
        var width = inputSize;
        for (var l = 0; l < layers.Count; l++)
        {
            var layer = layers[l];
            if (layer.Weights is { } w && w.Columns != width)
            {
                throw new ShapeMismatchException($"layer {l + 1}: weights are {w.Shape} but the layer's input has {width} units");
            }
            width = layer.OutputSize(width);
            if (layer.Offsets is { } b && b.Shape != new Shape(width, 1))
            {
                throw new ShapeMismatchException($"layer {l + 1}: offsets are {b.Shape}, expected {width}×1");
            }
        }
        InputSize = inputSize;
        Layers = layers;
        OutputSize = width;
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    public IReadOnlyList<Layer> Layers { get; }

    /// <summary>The output for one input column.</summary>
    public Matrix Evaluate(Matrix input)
    {
        RequireInput(input);
        var a = input;
        foreach (var layer in Layers)
        {
            a = layer.Activation.Apply(layer.PreActivation(a));
        }
        return a;
    }

    private void RequireInput(Matrix input)
    {
        if (input.Shape != new Shape(InputSize, 1))
        {
            throw new ShapeMismatchException($"the network takes a {InputSize}×1 input, not {input.Shape}");
        }
    }
}
