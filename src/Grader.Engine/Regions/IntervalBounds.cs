using Grader.Engine.Activations;
using Grader.Engine.Autodiff;
using Grader.Engine.Networks;

namespace Grader.Engine.Regions;

/// <summary>
/// Bounds on a layer's activations over a whole cell, by interval arithmetic: an affine layer maps centre ± radius to
/// W·centre + b ± |W|·radius, and monotone activations map interval ends to interval ends.
/// </summary>
internal static class IntervalBounds
{
    /// <summary>Lower and upper bounds of c·aˡ − t over the cell, or (−∞, ∞) when some activation is not monotone.</summary>
    public static (double Lower, double Upper) OfMargin(FeedForwardNetwork network, LinearCondition condition, Box cell)
    {
        double[] lo = [cell.XMin, cell.YMin];
        double[] hi = [cell.XMax, cell.YMax];
        foreach (var layer in network.Layers.Take(condition.Layer))
        {
            (lo, hi) = Affine(layer, lo, hi);
            if (!Activate(layer.Activation, lo, hi))
            {
                return (double.NegativeInfinity, double.PositiveInfinity);
            }
        }
        var lower = -condition.Threshold;
        var upper = -condition.Threshold;
        for (var i = 0; i < condition.Coefficients.Count; i++)
        {
            var c = condition.Coefficients[i];
            lower += c * (c >= 0 ? lo[i] : hi[i]);
            upper += c * (c >= 0 ? hi[i] : lo[i]);
        }
        return (lower, upper);
    }

    private static (double[] Lo, double[] Hi) Affine(Layer layer, double[] lo, double[] hi)
    {
        var rows = layer.Weights?.Rows ?? lo.Length;
        var newLo = new double[rows];
        var newHi = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            double centre;
            double radius;
            if (layer.Weights is { } w)
            {
                centre = 0;
                radius = 0;
                for (var c = 0; c < w.Columns; c++)
                {
                    centre += w[r, c] * (lo[c] + hi[c]) / 2;
                    radius += Math.Abs(w[r, c]) * (hi[c] - lo[c]) / 2;
                }
            }
            else
            {
                centre = (lo[r] + hi[r]) / 2;
                radius = (hi[r] - lo[r]) / 2;
            }
            var offset = layer.Offsets is { } b ? b[r] : 0;
            newLo[r] = centre + offset - radius;
            newHi[r] = centre + offset + radius;
        }
        return (newLo, newHi);
    }

    /// <summary>Maps the bounds through the activation in place; false when it has no interval rule here.</summary>
    private static bool Activate(Activation activation, double[] lo, double[] hi)
    {
        if (activation is Activation.SoftmaxActivation softmax)
        {
            // oₖ = 1/(1 + Σⱼ≠ₖ e^{β(zⱼ − zₖ)}) grows with zₖ and falls with every other zⱼ.
            var (newLo, newHi) = (new double[lo.Length], new double[lo.Length]);
            for (var k = 0; k < lo.Length; k++)
            {
                var (worst, best) = (1.0, 1.0);
                for (var j = 0; j < lo.Length; j++)
                {
                    worst += j == k ? 0 : Math.Exp(softmax.Beta * (hi[j] - lo[k]));
                    best += j == k ? 0 : Math.Exp(softmax.Beta * (lo[j] - hi[k]));
                }
                (newLo[k], newHi[k]) = softmax.Beta >= 0 ? (1 / worst, 1 / best) : (0, 1);
            }
            newLo.CopyTo(lo, 0);
            newHi.CopyTo(hi, 0);
            return true;
        }
        if (activation is not Activation.Elementwise { Function: var function })
        {
            return false;
        }
        var monotone = function == ElementwiseFunctions.Identity || function == ElementwiseFunctions.Relu
            || function == ElementwiseFunctions.Lure || function == ElementwiseFunctions.Sigmoid || function == ElementwiseFunctions.Tanh
            || function == ElementwiseFunctions.Step;
        if (!monotone)
        {
            return false;
        }
        for (var i = 0; i < lo.Length; i++)
        {
            lo[i] = function.Apply(lo[i]);
            hi[i] = function.Apply(hi[i]);
        }
        return true;
    }
}
