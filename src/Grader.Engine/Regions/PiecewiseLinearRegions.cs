using Grader.Engine.Activations;
using Grader.Engine.Autodiff;
using Grader.Engine.Networks;

namespace Grader.Engine.Regions;

/// <summary>Splits a box of a 2-input network's input plane into convex pieces on which the network is affine.</summary>
public static class PiecewiseLinearRegions
{
    // Pieces smaller than this fraction of the box are rounding debris from cuts through a vertex.
    private const double SliverFraction = 1e-12;

    /// <summary>
    /// Decomposes the box for the network's leading piecewise-linear layers (all of them, or all before e.g. a final
    /// softmax): layer by layer and unit by unit, each piece is cut where that unit's pre-activation is 0.
    /// </summary>
    public static IReadOnlyList<LinearPiece> Decompose(FeedForwardNetwork network, Box box)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(box);
        if (network.InputSize != 2)
        {
            throw new ArgumentException($"regions of the plane need a network with 2 inputs, not {network.InputSize}", nameof(network));
        }
        var minimumArea = SliverFraction * box.Area;
        var pieces = new List<LinearPiece> { new(ConvexPolygon.FromBox(box), [[AffineForm.X, AffineForm.Y]]) };
        foreach (var layer in network.Layers.TakeWhile(layer => layer.Activation.IsPiecewiseLinear))
        {
            pieces = AddLayer(pieces, layer, minimumArea);
        }
        return pieces;
    }

    private static List<LinearPiece> AddLayer(List<LinearPiece> pieces, Layer layer, double minimumArea)
    {
        var function = ((Activation.Elementwise)layer.Activation).Function;
        var width = layer.OutputSize(pieces[0].Activations[^1].Count);
        var partial = pieces.Select(piece => new Partial(piece, new AffineForm[width])).ToList();
        for (var unit = 0; unit < width; unit++)
        {
            var next = new List<Partial>(partial.Count);
            foreach (var item in partial)
            {
                var z = PreActivation(layer, unit, item.Piece.Activations[^1]);
                foreach (var (polygon, positive) in SplitBySign(item.Piece.Polygon, z, function, minimumArea))
                {
                    var units = polygon == item.Piece.Polygon ? item.Units : (AffineForm[])item.Units.Clone();
                    units[unit] = Activate(function, z, positive);
                    next.Add(new Partial(item.Piece with { Polygon = polygon }, units));
                }
            }
            partial = next;
        }
        return partial.Select(item => item.Piece with { Activations = [.. item.Piece.Activations, item.Units] }).ToList();
    }

    private static AffineForm PreActivation(Layer layer, int unit, IReadOnlyList<AffineForm> input)
    {
        var offset = layer.Offsets is { } b ? b[unit] : 0;
        if (layer.Weights is not { } w)
        {
            return input[unit].Plus(AffineForm.Constant(offset));
        }
        return AffineForm.Combine(w.Values.Slice(unit * w.Columns, w.Columns), input, offset);
    }

    /// <summary>The parts of the polygon where z ≥ 0 (positive) and z ≤ 0; a polygon on one side stays whole.</summary>
    private static IEnumerable<(ConvexPolygon Polygon, bool Positive)> SplitBySign(
        ConvexPolygon polygon, AffineForm z, ElementwiseFunction function, double minimumArea)
    {
        if (function == ElementwiseFunctions.Identity)
        {
            yield return (polygon, true);
            yield break;
        }
        // A pre-activation within rounding of 0 on a whole vertex counts as on that side, so a piece is never cut
        // into a copy of itself.
        var tolerance = 1e-12 * Math.Max(1, polygon.MaxAbs(z));
        var values = polygon.Vertices.Select(z.Evaluate).ToArray();
        if (values.Min() >= -tolerance && values.Max() > tolerance)
        {
            yield return (polygon, true);
            yield break;
        }
        if (values.Max() <= tolerance)
        {
            yield return (polygon, false);
            yield break;
        }
        foreach (var (part, positive) in new[] { (polygon.ClipTo(z), true), (polygon.ClipTo(z.Negate()), false) })
        {
            if (!part.IsEmpty && part.Area >= minimumArea)
            {
                yield return (part, positive);
            }
        }
    }

    private static AffineForm Activate(ElementwiseFunction function, AffineForm z, bool positive)
    {
        if (function == ElementwiseFunctions.Identity)
        {
            return z;
        }
        if (function == ElementwiseFunctions.Relu)
        {
            return positive ? z : AffineForm.Constant(0);
        }
        if (function == ElementwiseFunctions.Lure)
        {
            return positive ? AffineForm.Constant(0) : z;
        }
        if (function == ElementwiseFunctions.Step)
        {
            return AffineForm.Constant(positive ? 1 : 0);
        }
        throw new ArgumentException($"{function.Name} is not piecewise linear");
    }

    private sealed record Partial(LinearPiece Piece, AffineForm[] Units);
}
