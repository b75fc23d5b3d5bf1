namespace Grader.Engine.Networks;

/// <summary>Counting weights and offsets.</summary>
public sealed partial class FeedForwardNetwork
{
    /// <summary>The number of weights and offsets of this network.</summary>
    public int ParameterCount() => Layers.Sum(layer => layer.ParameterCount);

    /// <summary>
    /// The number of weights (and offsets) of a dense network with these layer sizes, input first:
    /// Σ nˡ⁻¹·nˡ (+ nˡ), so [8, 10, 10, 3] has 233.
    /// </summary>
    public static int ParameterCount(IReadOnlyList<int> layerSizes, bool withOffsets = true)
    {
        if (layerSizes.Count < 2)
        {
            throw new ArgumentException("layer sizes need the input size and at least one layer", nameof(layerSizes));
        }
        var count = 0;
        for (var l = 0; l < layerSizes.Count; l++)
        {
            if (layerSizes[l] <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(layerSizes), $"layer size {l} is {layerSizes[l]}, not positive");
            }
            if (l > 0)
            {
                count = checked(count + layerSizes[l - 1] * layerSizes[l] + (withOffsets ? layerSizes[l] : 0));
            }
        }
        return count;
    }
}
