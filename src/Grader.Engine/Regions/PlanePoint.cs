namespace Grader.Engine.Regions;

/// <summary>A point (x, y) of the input plane.</summary>
public readonly record struct PlanePoint(double X, double Y)
{
    /// <summary>The point a fraction t of the way from this point to another.</summary>
    public PlanePoint Toward(PlanePoint other, double t) => new(X + t * (other.X - X), Y + t * (other.Y - Y));

    public double DistanceTo(PlanePoint other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));
}
