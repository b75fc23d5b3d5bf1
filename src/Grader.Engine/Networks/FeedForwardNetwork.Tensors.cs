using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Networks;

/// <summary>The network as a <see cref="Tensor"/> graph, so autodiff can check <see cref="Backward"/>.</summary>
public sealed partial class FeedForwardNetwork
{
    /// <summary>The output as a tensor built from <see cref="TensorOps"/>, with the weights and offsets as constants.</summary>
    public Tensor Evaluate(Tensor input) => Evaluate(input, Tensor.Constant, out _);

    /// <summary>
    /// The output with every weight and offset as a variable; after a backward pass from a loss on the output,
    /// each parameter tensor's Gradient is ∂L/∂Wˡ or ∂L/∂bˡ. parameters[l − 1] belongs to layer l.
    /// </summary>
    public Tensor Evaluate(Tensor input, out IReadOnlyList<LayerTensors> parameters) =>
        Evaluate(input, Tensor.Variable, out parameters);

    private Tensor Evaluate(Tensor input, Func<Matrix, Tensor> leaf, out IReadOnlyList<LayerTensors> parameters)
    {
        RequireInput(input.Value);
        var leaves = new LayerTensors[Layers.Count];
        var a = input;
        for (var l = 0; l < Layers.Count; l++)
        {
            var layer = Layers[l];
            var weights = layer.Weights is null ? null : leaf(layer.Weights);
            var offsets = layer.Offsets is null ? null : leaf(layer.Offsets);
            var z = weights is null ? a : TensorOps.MatMul(weights, a);
            z = offsets is null ? z : TensorOps.Add(z, offsets);
            a = layer.Activation.Apply(z);
            leaves[l] = new LayerTensors(weights, offsets);
        }
        parameters = leaves;
        return a;
    }
}
