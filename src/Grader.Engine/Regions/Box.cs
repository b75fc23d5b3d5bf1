namespace Grader.Engine.Regions;

/// <summary>An axis-aligned rectangle [XMin, XMax] × [YMin, YMax] of the input plane.</summary>
public sealed record Box
{
    public Box(double xMin, double xMax, double yMin, double yMax)
    {
        if (!(xMin < xMax && yMin < yMax) || !double.IsFinite(xMin) || !double.IsFinite(xMax) || !double.IsFinite(yMin)
            || !double.IsFinite(yMax))
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"a box needs finite bounds with min < max, not [{xMin}, {xMax}] × [{yMin}, {yMax}]"));
        }
        XMin = xMin;
        XMax = xMax;
        YMin = yMin;
        YMax = yMax;
    }

    /// <summary>The square [−halfWidth, halfWidth]², e.g. 6.036's [−10, 10]².</summary>
    public static Box Square(double halfWidth) => new(-halfWidth, halfWidth, -halfWidth, halfWidth);

    public double XMin { get; }

    public double XMax { get; }

    public double YMin { get; }

    public double YMax { get; }

    public double Width => XMax - XMin;

    public double Height => YMax - YMin;

    public double Area => Width * Height;

    public PlanePoint Centre => new((XMin + XMax) / 2, (YMin + YMax) / 2);

    /// <summary>Half the diagonal: every point of the box is within this distance of its centre.</summary>
    public double HalfDiagonal => Math.Sqrt(Width * Width + Height * Height) / 2;

    /// <summary>The four quarters of the box, split at its centre.</summary>
    public IReadOnlyList<Box> Quarters()
    {
        var centre = Centre;
        return
        [
            new(XMin, centre.X, YMin, centre.Y),
            new(centre.X, XMax, YMin, centre.Y),
            new(XMin, centre.X, centre.Y, YMax),
            new(centre.X, XMax, centre.Y, YMax),
        ];
    }

    public override string ToString() => FormattableString.Invariant($"[{XMin}, {XMax}] × [{YMin}, {YMax}]");
}
