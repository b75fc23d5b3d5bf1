using Grader.Engine.Networks;

namespace Grader.Engine.Regions;

/// <summary>Areas of regions {x in a box : a condition on a network's activations holds}, exact or numerical.</summary>
public static partial class RegionArea
{
    /// <summary>
    /// The exact area where the condition holds, for a condition on a piecewise-linear layer: the condition is affine on
    /// each piece, so each piece is clipped by a half-plane. An equality counts a piece only where it holds on all of it.
    /// </summary>
    public static double Exact(FeedForwardNetwork network, Box box, LinearCondition condition) =>
        Exact(network, box, condition, pieces: null);

    /// <summary>
    /// <see cref="Exact(FeedForwardNetwork, Box, LinearCondition)"/> on pieces already computed by
    /// <see cref="PiecewiseLinearRegions.Decompose"/> for this network's piecewise-linear layers and this box, so that
    /// several questions about one network (areas, level sets, another softmax β) split the box once.
    /// </summary>
    public static double Exact(FeedForwardNetwork network, Box box, LinearCondition condition, IReadOnlyList<LinearPiece>? pieces)
    {
        ArgumentNullException.ThrowIfNull(box);
        pieces = PiecesFor(network, box, condition, pieces);
        var minimumArea = 1e-12 * box.Area;
        var area = 0.0;
        foreach (var piece in pieces)
        {
            var margin = condition.Margin(piece);
            var part = condition.Relation switch
            {
                Relation.AtLeast => piece.Polygon.ClipTo(margin).Area,
                Relation.AtMost => piece.Polygon.ClipTo(margin.Negate()).Area,
                _ => piece.Polygon.MaxAbs(margin) <= condition.AbsoluteTolerance ? piece.Polygon.Area : 0,
            };
            area += part >= minimumArea ? part : 0;
        }
        return area;
    }

    private static IReadOnlyList<LinearPiece> PiecesFor(
        FeedForwardNetwork network, Box box, LinearCondition condition, IReadOnlyList<LinearPiece>? known)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Validate(network, condition);
        var pieces = known ?? PiecewiseLinearRegions.Decompose(network, box);
        if (pieces.Count == 0)
        {
            throw new ArgumentException("the pieces of a box are never empty", nameof(known));
        }
        if (condition.Layer > pieces[0].LayerCount)
        {
            var smooth = pieces[0].LayerCount + 1;
            throw new ArgumentException(
                $"layer {condition.Layer} is at or above layer {smooth} ({network.Layers[smooth - 1].Activation.Name}), which is not "
                + "piecewise linear, so its regions are not polygons; use RegionArea.Adaptive",
                nameof(condition));
        }
        return pieces;
    }

    private static void Validate(FeedForwardNetwork network, LinearCondition condition)
    {
        ArgumentNullException.ThrowIfNull(network);
        var widths = LayerWidths.Of(network);
        if (condition.Layer < 0 || condition.Layer >= widths.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(condition), $"layer {condition.Layer} does not exist: the network has layers 0 (input) to {widths.Length - 1}");
        }
        if (condition.Coefficients.Count != widths[condition.Layer])
        {
            throw new ArgumentException(
                $"layer {condition.Layer} has {widths[condition.Layer]} units but the condition has {condition.Coefficients.Count} coefficients",
                nameof(condition));
        }
    }
}
