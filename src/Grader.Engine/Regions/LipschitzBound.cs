using Grader.Engine.Activations;
using Grader.Engine.Autodiff;
using Grader.Engine.Networks;

namespace Grader.Engine.Regions;

/// <summary>Upper bounds on Lipschitz constants (Euclidean norms) of activations and of a network's layers.</summary>
public static class LipschitzBound
{
    /// <summary>
    /// sup ‖f′‖: 1 for identity, relu, lure, tanh; 1/4 for sigmoid; β/2 for softmax(β·z), whose Jacobian
    /// β(diag(s) − s·sᵀ) has every Gershgorin disc inside [0, 2sᵢ(1 − sᵢ)] ⊆ [0, 1/2].
    /// </summary>
    public static double Of(Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (activation is Activation.SoftmaxActivation softmax)
        {
            return Math.Abs(softmax.Beta) / 2;
        }
        if (activation is not Activation.Elementwise { Function: var function })
        {
            throw new ArgumentException($"no Lipschitz bound is known for the {activation.Name} activation");
        }
        if (function == ElementwiseFunctions.Sigmoid)
        {
            return 0.25;
        }
        if (function == ElementwiseFunctions.Identity || function == ElementwiseFunctions.Relu || function == ElementwiseFunctions.Lure
            || function == ElementwiseFunctions.Tanh || function == ElementwiseFunctions.Abs || function == ElementwiseFunctions.Sin
            || function == ElementwiseFunctions.Cos)
        {
            return 1;
        }
        // Step and sign jump, exp/log/sqrt have unbounded slopes: no constant bounds them, so no bound is claimed.
        throw new ArgumentException($"{function.Name} is not Lipschitz continuous; the adaptive area method cannot use it");
    }

    /// <summary>A bound for x ↦ aˡ(x): the product over layers 1..l of ‖Wᵐ‖_F (1 without weights) and Lip(fᵐ).</summary>
    public static double OfLayers(FeedForwardNetwork network, int layer)
    {
        ArgumentNullException.ThrowIfNull(network);
        var bound = 1.0;
        foreach (var l in network.Layers.Take(layer))
        {
            // The Frobenius norm bounds the spectral norm, so the product stays an upper bound.
            bound *= (l.Weights?.FrobeniusNorm() ?? 1) * Of(l.Activation);
        }
        return bound;
    }
}
