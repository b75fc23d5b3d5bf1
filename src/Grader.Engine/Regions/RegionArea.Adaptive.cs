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
        var inside = 0.0;
        var evaluated = 0;
        var level = new List<Box> { box };
        while (true)
        {
            var undecided = new List<Box>();
            foreach (var cell in level)
            {
                evaluated++;
                var centre = cell.Centre;
                var value = g(centre.X, centre.Y);
                var reach = lipschitz * cell.HalfDiagonal;
                if (value >= reach)
                {
                    inside += cell.Area;
                }
                else if (!(value < -reach))
                {
                    undecided.Add(cell);
                }
            }
            // Cells of one level share a size, so the undecided area is a count times one cell's area.
            var undecidedArea = undecided.Count == 0 ? 0 : undecided.Count * undecided[0].Area;
            if (undecidedArea / 2 <= targetError || evaluated + 4L * undecided.Count > maxCells)
            {
                return new AreaEstimate(inside + undecidedArea / 2, undecidedArea / 2);
            }
            level = undecided.SelectMany(cell => cell.Quarters()).ToList();
        }
    }

    /// <summary>
    /// The adaptive area for an inequality on any network (sigmoid, tanh, softmax …), with the Lipschitz constant of
    /// c·aˡ − t bounded by ‖c‖ times LipschitzBound.OfLayers. The default target error is 1e-4 of the box's area.
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
        return Adaptive(G, lipschitz, box, targetError ?? 1e-4 * box.Area, maxCells);
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
