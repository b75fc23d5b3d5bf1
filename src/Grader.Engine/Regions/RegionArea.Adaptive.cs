using Grader.Engine.Linear;
using Grader.Engine.Networks;

namespace Grader.Engine.Regions;

public static partial class RegionArea
{
    /// <summary>
    /// The area of {g ≥ 0} in the box by a quadtree, for g with the given Lipschitz constant: a cell whose centre value
    /// is at least L·(half-diagonal) lies inside, one below −L·(half-diagonal) outside, the rest are split. Cells still
    /// undecided when the target error or the cell budget is reached count half, so ErrorBound is half their area.
    /// </summary>
    public static AreaEstimate Adaptive(Func<double, double, double> g, double lipschitz, Box box, double targetError, int maxCells)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(box);
        if (!(lipschitz >= 0) || double.IsInfinity(lipschitz))
        {
            throw new ArgumentOutOfRangeException(nameof(lipschitz), "the Lipschitz constant must be finite and non-negative");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(targetError);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCells, 1);
        return QuadtreeArea.Estimate(cell => QuadtreeArea.ByLipschitz(g, lipschitz, cell), box, targetError, maxCells);
    }

    /// <summary>
    /// The adaptive area for an inequality on any network (sigmoid, tanh, softmax …). A cell is decided by the Lipschitz
    /// test (‖c‖ times LipschitzBound.OfLayers) or, failing that, by interval bounds on c·aˡ − t over the cell, which
    /// stay sharp where a saturated softmax makes the global Lipschitz constant far too loose. Both tests are rigorous.
    /// The default target error is 1e-4 of the box's area.
    /// </summary>
    public static AreaEstimate Adaptive(
        FeedForwardNetwork network, Box box, LinearCondition condition, double? targetError = null, int maxCells = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(condition);
        Validate(network, condition);
        if (network.InputSize != 2)
        {
            throw new ArgumentException($"regions of the plane need a network with 2 inputs, not {network.InputSize}", nameof(network));
        }
        if (condition.Relation == Relation.EqualTo)
        {
            throw new ArgumentException("an equality usually holds on a set of area 0; use RegionArea.Exact for level sets", nameof(condition));
        }
        var norm = Math.Sqrt(condition.Coefficients.Sum(c => c * c));
        var lipschitz = norm * LipschitzBound.OfLayers(network, condition.Layer);
        var sign = condition.Relation == Relation.AtLeast ? 1 : -1;
        double G(double x, double y) => sign * condition.Margin(ActivationsAt(network, condition.Layer, x, y).Values);
        CellVerdict Classify(Box cell)
        {
            var verdict = QuadtreeArea.ByLipschitz(G, lipschitz, cell);
            if (verdict != CellVerdict.Undecided)
            {
                return verdict;
            }
            var (lower, upper) = IntervalBounds.OfMargin(network, condition, cell);
            var (gLower, gUpper) = sign > 0 ? (lower, upper) : (-upper, -lower);
            return gLower >= 0 ? CellVerdict.Inside : gUpper < 0 ? CellVerdict.Outside : CellVerdict.Undecided;
        }
        var target = targetError ?? 1e-4 * box.Area;
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(targetError));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCells, 1);
        return QuadtreeArea.Estimate(Classify, box, target, maxCells);
    }

    private static Matrix ActivationsAt(FeedForwardNetwork network, int layer, double x, double y)
    {
        var a = Matrix.Column(x, y);
        foreach (var l in network.Layers.Take(layer))
        {
            a = l.Activation.Apply(l.PreActivation(a));
        }
        return a;
    }
}
