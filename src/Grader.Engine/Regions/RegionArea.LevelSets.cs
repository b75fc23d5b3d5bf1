using Grader.Engine.Linear;
using Grader.Engine.Networks;

namespace Grader.Engine.Regions;

public static partial class RegionArea
{
    /// <summary>
    /// The distinct network outputs (within outputTolerance, relative to max(1, |value|)) at points where an equality
    /// condition holds: a point inside each piece where it holds throughout, and points on edges the level set crosses.
    /// One output means the network is constant on the level set, as 6.036 1(c) expects.
    /// </summary>
    public static IReadOnlyList<Matrix> OutputsOnLevelSet(
        FeedForwardNetwork network, Box box, LinearCondition condition, double outputTolerance = 1e-9) =>
        OutputsOnLevelSet(network, box, condition, pieces: null, outputTolerance);

    /// <summary>The same on pieces already computed for this network's piecewise-linear layers and this box.</summary>
    public static IReadOnlyList<Matrix> OutputsOnLevelSet(
        FeedForwardNetwork network, Box box, LinearCondition condition, IReadOnlyList<LinearPiece>? pieces, double outputTolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (condition.Relation != Relation.EqualTo)
        {
            throw new ArgumentException($"a level set needs an equality, not {condition}", nameof(condition));
        }
        var outputs = new List<Matrix>();
        foreach (var piece in PiecesFor(network, box, condition, pieces))
        {
            foreach (var point in PointsOnLevelSet(piece.Polygon, condition.Margin(piece), condition.AbsoluteTolerance))
            {
                var output = network.Evaluate(Matrix.Column(point.X, point.Y));
                if (!outputs.Any(known => Close(known, output, outputTolerance)))
                {
                    outputs.Add(output);
                }
            }
        }
        return outputs;
    }

    private static IEnumerable<PlanePoint> PointsOnLevelSet(ConvexPolygon polygon, AffineForm margin, double tolerance)
    {
        if (polygon.MaxAbs(margin) <= tolerance)
        {
            yield return polygon.VertexMean;
            yield break;
        }
        var vertices = polygon.Vertices;
        for (var i = 0; i < vertices.Count; i++)
        {
            var p = vertices[i];
            var q = vertices[(i + 1) % vertices.Count];
            var mp = margin.Evaluate(p);
            var mq = margin.Evaluate(q);
            if (Math.Abs(mp) <= tolerance)
            {
                yield return p;
            }
            else if (Math.Abs(mq) > tolerance && mp * mq < 0)
            {
                yield return p.Toward(q, mp / (mp - mq));
            }
        }
    }

    private static bool Close(Matrix a, Matrix b, double tolerance)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (Math.Abs(a[i] - b[i]) > tolerance * Math.Max(1, Math.Abs(b[i])))
            {
                return false;
            }
        }
        return true;
    }
}
