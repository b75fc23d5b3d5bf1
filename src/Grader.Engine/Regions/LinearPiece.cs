namespace Grader.Engine.Regions;

/// <summary>
/// A convex polygon on which every unit of a network's piecewise-linear layers is affine.
/// Activations[l][i] is unit i of layer l as a function of the input (l = 0 is the input itself).
/// </summary>
public sealed record LinearPiece(ConvexPolygon Polygon, IReadOnlyList<IReadOnlyList<AffineForm>> Activations)
{
    /// <summary>The deepest layer whose activations are known on this piece.</summary>
    public int LayerCount => Activations.Count - 1;
}
