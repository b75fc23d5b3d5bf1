using Grader.Engine.Networks;

namespace Grader.Engine.Regions;

/// <summary>The number of units of each layer of a network, index 0 being the input.</summary>
internal static class LayerWidths
{
    public static int[] Of(FeedForwardNetwork network)
    {
        var widths = new int[network.Layers.Count + 1];
        widths[0] = network.InputSize;
        for (var l = 0; l < network.Layers.Count; l++)
        {
            widths[l + 1] = network.Layers[l].OutputSize(widths[l]);
        }
        return widths;
    }
}
