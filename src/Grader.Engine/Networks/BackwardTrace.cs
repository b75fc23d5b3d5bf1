using Grader.Engine.Activations;
using Grader.Engine.Linear;
using Grader.Engine.Losses;

namespace Grader.Engine.Networks;

/// <summary>
/// One backward pass: the loss, ∂L/∂g, every δˡ = ∂L/∂zˡ, the parameter gradients and the chain-rule factors the handouts
/// ask for one by one. Layer indices run 1..L as in <see cref="ForwardTrace"/>.
/// </summary>
public sealed class BackwardTrace
{
    private readonly Matrix[] _deltas;
    private readonly Matrix[] _activationGradients;
    private readonly Matrix?[] _weightGradients;
    private readonly Matrix?[] _offsetGradients;

    internal BackwardTrace(
        ForwardTrace forward, Matrix target, Loss loss, double lossValue,
        Matrix[] deltas, Matrix[] activationGradients, Matrix?[] weightGradients, Matrix?[] offsetGradients)
    {
        Forward = forward;
        Target = target;
        Loss = loss;
        LossValue = lossValue;
        _deltas = deltas;
        _activationGradients = activationGradients;
        _weightGradients = weightGradients;
        _offsetGradients = offsetGradients;
    }

    public ForwardTrace Forward { get; }

    public FeedForwardNetwork Network => Forward.Network;

    public int LayerCount => Forward.LayerCount;

    public Matrix Target { get; }

    public Loss Loss { get; }

    public double LossValue { get; }

    /// <summary>∂L/∂g.</summary>
    public Matrix OutputGradient => _activationGradients[^1];

    /// <summary>δˡ = ∂L/∂zˡ.</summary>
    public Matrix Delta(int layer) => _deltas[CheckLayer(layer, 1)];

    /// <summary>∂L/∂aˡ for l = 0..L (l = 0 is the gradient with respect to the input).</summary>
    public Matrix ActivationGradient(int layer) => _activationGradients[CheckLayer(layer, 0)];

    /// <summary>∂L/∂Wˡ = δˡ·(aˡ⁻¹)ᵀ, or null for a layer without weights.</summary>
    public Matrix? WeightGradient(int layer) => _weightGradients[CheckLayer(layer, 1)];

    /// <summary>∂L/∂bˡ = δˡ, or null for a layer without offsets.</summary>
    public Matrix? OffsetGradient(int layer) => _offsetGradients[CheckLayer(layer, 1)];

    /// <summary>∂zˡ/∂aˡ⁻¹: Wˡ, or the identity for a layer without weights.</summary>
    public Matrix PreActivationJacobian(int layer) =>
        Network.Layers[CheckLayer(layer, 1) - 1].Weights ?? Matrix.Identity(Forward.A(layer - 1).Count);

    /// <summary>∂aˡ/∂zˡ, the activation's Jacobian (diagonal for element-wise activations).</summary>
    public Matrix ActivationJacobian(int layer) =>
        Network.Layers[CheckLayer(layer, 1) - 1].Activation.Jacobian(Forward.Z(layer), Forward.A(layer));

    /// <summary>The diagonal of ∂aˡ/∂zˡ as a column, f′(zˡ); only element-wise activations have one.</summary>
    public Matrix ActivationDerivative(int layer) =>
        Network.Layers[CheckLayer(layer, 1) - 1].Activation is Activation.Elementwise elementwise
            ? elementwise.Derivative(Forward.Z(layer), Forward.A(layer))
            : throw new InvalidOperationException($"layer {layer}'s activation is not element-wise, use {nameof(ActivationJacobian)}");

    /// <summary>
    /// ∂zⱼˡ/∂Wⱼₖˡ = aₖˡ⁻¹ for every unit j, so this is aˡ⁻¹ (for a 1-input unit, the scalar ∂zˡ/∂wˡ);
    /// null for a layer without weights.
    /// </summary>
    public Matrix? WeightFactor(int layer) =>
        Network.Layers[CheckLayer(layer, 1) - 1].Weights is null ? null : Forward.A(layer - 1);

    private int CheckLayer(int layer, int first)
    {
        if (layer < first || layer > LayerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layers run from {first} to {LayerCount}");
        }
        return layer;
    }
}
