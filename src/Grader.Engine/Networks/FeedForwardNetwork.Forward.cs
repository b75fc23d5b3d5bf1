using Grader.Engine.Linear;

namespace Grader.Engine.Networks;

/// <summary>The forward pass that keeps every intermediate value.</summary>
public sealed partial class FeedForwardNetwork
{
    /// <summary>Runs one input column through the network, recording zˡ and aˡ for every layer.</summary>
    public ForwardTrace Forward(Matrix input)
    {
        RequireInput(input);
        var z = new Matrix[Layers.Count + 1];
        var a = new Matrix[Layers.Count + 1];
        a[0] = input;
        z[0] = input;
        for (var l = 1; l <= Layers.Count; l++)
        {
            var layer = Layers[l - 1];
            z[l] = layer.PreActivation(a[l - 1]);
            a[l] = layer.Activation.Apply(z[l]);
        }
        return new ForwardTrace(this, z, a);
    }
}
