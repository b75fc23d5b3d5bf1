using Grader.Engine.Linear;
using Grader.Engine.Losses;

namespace Grader.Engine.Networks;

/// <summary>Explicit backpropagation: δᴸ from the loss, then δˡ⁻¹ from δˡ through Wˡ and f′, as in MIT 6.036 problem 3.</summary>
public sealed partial class FeedForwardNetwork
{
    /// <summary>Backpropagates the loss of a forward pass of this network against a target.</summary>
    public BackwardTrace Backward(ForwardTrace forward, Matrix target, Loss loss)
    {
        if (!ReferenceEquals(forward.Network, this))
        {
            throw new ArgumentException("the forward trace belongs to another network", nameof(forward));
        }
        var output = forward.Output;
        var count = Layers.Count;
        var deltas = new Matrix[count + 1];
        var activationGradients = new Matrix[count + 1];
        var weightGradients = new Matrix?[count + 1];
        var offsetGradients = new Matrix?[count + 1];
        activationGradients[count] = loss.Gradient(output, target);
        for (var l = count; l >= 1; l--)
        {
            var layer = Layers[l - 1];
            var delta = layer.Activation.Backpropagate(forward.Z(l), forward.A(l), activationGradients[l]);
            deltas[l] = delta;
            weightGradients[l] = layer.Weights is null ? null : delta.MatMul(forward.A(l - 1).Transpose());
            offsetGradients[l] = layer.Offsets is null ? null : delta;
            activationGradients[l - 1] = layer.Weights is null ? delta : layer.Weights.Transpose().MatMul(delta);
        }
        // deltas[0] is never read; it keeps the arrays indexed by layer number.
        deltas[0] = activationGradients[0];
        return new BackwardTrace(
            forward, target, loss, loss.Value(output, target), deltas, activationGradients, weightGradients, offsetGradients);
    }

    /// <summary>A new network with Wˡ − η·∂L/∂Wˡ and bˡ − η·∂L/∂bˡ; this one is unchanged.</summary>
    public FeedForwardNetwork GradientDescentStep(BackwardTrace gradients, double learningRate)
    {
        if (!ReferenceEquals(gradients.Network, this))
        {
            throw new ArgumentException("the gradients belong to another network", nameof(gradients));
        }
        var layers = new Layer[Layers.Count];
        for (var l = 1; l <= Layers.Count; l++)
        {
            var layer = Layers[l - 1];
            layers[l - 1] = layer with
            {
                Weights = layer.Weights?.Subtract(gradients.WeightGradient(l)!.Scale(learningRate)),
                Offsets = layer.Offsets?.Subtract(gradients.OffsetGradient(l)!.Scale(learningRate)),
            };
        }
        return new FeedForwardNetwork(InputSize, layers);
    }
}
