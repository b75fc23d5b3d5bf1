namespace Grader.Engine.Regions;

/// <summary>A convex polygon given by its vertices in order; fewer than three vertices means it is empty.</summary>
public sealed class ConvexPolygon
{
    private readonly PlanePoint[] _vertices;

    public ConvexPolygon(IEnumerable<PlanePoint> vertices)
    {
        _vertices = WithoutRepeats(vertices);
    }

    public static ConvexPolygon FromBox(Box box) =>
        new([new(box.XMin, box.YMin), new(box.XMax, box.YMin), new(box.XMax, box.YMax), new(box.XMin, box.YMax)]);

    public IReadOnlyList<PlanePoint> Vertices => _vertices;

    public bool IsEmpty => _vertices.Length < 3;

    /// <summary>The shoelace area, whatever the orientation of the vertices.</summary>
    public double Area
    {
        get
        {
            if (IsEmpty)
            {
                return 0;
            }
            var twice = 0.0;
            for (var i = 0; i < _vertices.Length; i++)
            {
                var p = _vertices[i];
                var q = _vertices[(i + 1) % _vertices.Length];
                twice += p.X * q.Y - q.X * p.Y;
            }
            return Math.Abs(twice) / 2;
        }
    }

    /// <summary>The mean of the vertices: inside a convex polygon, which is all the level-set search needs.</summary>
    public PlanePoint VertexMean
    {
        get
        {
            if (_vertices.Length == 0)
            {
                throw new InvalidOperationException("an empty polygon has no points");
            }
            var x = 0.0;
            var y = 0.0;
            foreach (var vertex in _vertices)
            {
                x += vertex.X;
                y += vertex.Y;
            }
            return new PlanePoint(x / _vertices.Length, y / _vertices.Length);
        }
    }

    /// <summary>The part where f ≥ 0 (one Sutherland–Hodgman pass; convexity keeps the result one polygon).</summary>
    public ConvexPolygon ClipTo(AffineForm f)
    {
        var kept = new List<PlanePoint>(_vertices.Length + 1);
        for (var i = 0; i < _vertices.Length; i++)
        {
            var p = _vertices[i];
            var q = _vertices[(i + 1) % _vertices.Length];
            var fp = f.Evaluate(p);
            var fq = f.Evaluate(q);
            if (fp >= 0)
            {
                kept.Add(p);
            }
            if (fp >= 0 != fq >= 0)
            {
                kept.Add(p.Toward(q, fp / (fp - fq)));
            }
        }
        return new ConvexPolygon(kept);
    }

    /// <summary>The largest |f| over the polygon, attained at a vertex because f is affine.</summary>
    public double MaxAbs(AffineForm f) => _vertices.Length == 0 ? 0 : _vertices.Max(v => Math.Abs(f.Evaluate(v)));

    // Clipping puts a vertex twice when an edge ends exactly on the line; repeats would only confuse edge walks.
    private static PlanePoint[] WithoutRepeats(IEnumerable<PlanePoint> vertices)
    {
        var result = new List<PlanePoint>();
        foreach (var vertex in vertices)
        {
            if (result.Count == 0 || result[^1] != vertex)
            {
                result.Add(vertex);
            }
        }
        while (result.Count > 1 && result[0] == result[^1])
        {
            result.RemoveAt(result.Count - 1);
        }
        return [.. result];
    }
}
