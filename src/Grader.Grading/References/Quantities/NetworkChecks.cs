using System.Globalization;
using Grader.Engine.Linear;
using Grader.Engine.Losses;
using Grader.Engine.Networks;
using Grader.Grading.Loading;

namespace Grader.Grading.References.Quantities;

/// <summary>Checks of a network reference that a plain computation would let pass: a loss that does not suit the output, a kink.</summary>
internal static class NetworkChecks
{
    private static readonly HashSet<string> _kinked = new(StringComparer.Ordinal) { "relu", "lure", "step" };

    /// <summary>Cross-entropy takes probabilities: on an identity or relu output it is negative or infinite, never meant.</summary>
    public static void RequireSuitableLoss(YamlMap spec, FeedForwardNetwork network, Loss loss)
    {
        var output = network.Layers[^1].Activation.Name;
        if (loss == Loss.CrossEntropy && output != "softmax")
        {
            throw spec.Error($"the cross-entropy loss takes probabilities, but the network's output layer is {output}: end it with a softmax layer");
        }
    }

    /// <summary>Warns when a unit with a kinked activation sits exactly at its kink, where relu′(0) is a convention.</summary>
    public static void WarnAtKinks(YamlMap spec, ProblemContext context, FeedForwardNetwork network, Matrix input)
    {
        if (input.Rows != network.InputSize || input.Columns != 1)
        {
            return;
        }
        var trace = network.Forward(input);
        for (var l = 1; l <= trace.LayerCount; l++)
        {
            var activation = network.Layers[l - 1].Activation.Name;
            var z = trace.Z(l).ToArray();
            for (var unit = 0; unit < z.Length; unit++)
            {
                if (_kinked.Contains(activation) && z[unit] == 0)
                {
                    context.Warn(spec, string.Create(CultureInfo.InvariantCulture,
                        $"z{l}[{unit + 1}] = 0 at this input, the kink of {activation}: its derivative there is a convention, not a fact"));
                }
            }
        }
    }
}
