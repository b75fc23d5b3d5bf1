using Grader.Engine.Linear;

namespace Grader.Engine.Networks;

/// <summary>Every pre-activation zˡ and activation aˡ of one forward pass; a⁰ is the input, l runs 1..L.</summary>
public sealed class ForwardTrace
{
    private readonly Matrix[] _z;
    private readonly Matrix[] _a;

    // _z[0] is unused so that the indices read like the handouts' superscripts.
    internal ForwardTrace(FeedForwardNetwork network, Matrix[] z, Matrix[] a)
    {
        Network = network;
        _z = z;
        _a = a;
    }

    public FeedForwardNetwork Network { get; }

    /// <summary>L, the number of layers.</summary>
    public int LayerCount => _a.Length - 1;

    public Matrix Input => _a[0];

    /// <summary>g = aᴸ.</summary>
    public Matrix Output => _a[^1];

    /// <summary>zˡ for l = 1..L.</summary>
    public Matrix Z(int layer) => _z[CheckLayer(layer, 1)];

    /// <summary>aˡ for l = 0..L (a⁰ is the input).</summary>
    public Matrix A(int layer) => _a[CheckLayer(layer, 0)];

    private int CheckLayer(int layer, int first)
    {
        if (layer < first || layer > LayerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layers run from {first} to {LayerCount}");
        }
        return layer;
    }
}
