using Grader.Engine.Activations;
using Grader.Engine.Linear;

namespace Grader.Engine.Networks;

/// <summary>
/// One layer: zˡ = Wˡ·aˡ⁻¹ + bˡ, aˡ = f(zˡ). Without weights the layer only applies its activation (zˡ = aˡ⁻¹),
/// as the softmax on top of MIT 6.036's last ReLU layer does. Offsets are optional.
/// </summary>
public sealed record Layer(Matrix? Weights, Matrix? Offsets, Activation Activation)
{
    public static Layer ActivationOnly(Activation activation) => new(null, null, activation);

    /// <summary>The number of units this layer outputs, given its input width.</summary>
    public int OutputSize(int inputSize) => Weights?.Rows ?? inputSize;

    public int ParameterCount => (Weights?.Count ?? 0) + (Offsets?.Count ?? 0);

    /// <summary>zˡ for an input column aˡ⁻¹.</summary>
    public Matrix PreActivation(Matrix input)
    {
        var z = Weights is null ? input : Weights.MatMul(input);
        return Offsets is null ? z : z.Add(Offsets);
    }
}
