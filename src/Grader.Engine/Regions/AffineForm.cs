namespace Grader.Engine.Regions;

/// <summary>An affine function of the plane, (x, y) ↦ A·x + B·y + C.</summary>
public readonly record struct AffineForm(double A, double B, double C)
{
    public static AffineForm X => new(1, 0, 0);

    public static AffineForm Y => new(0, 1, 0);

    public static AffineForm Constant(double value) => new(0, 0, value);

    public double Evaluate(PlanePoint point) => A * point.X + B * point.Y + C;

    public AffineForm Plus(AffineForm other) => new(A + other.A, B + other.B, C + other.C);

    public AffineForm Times(double factor) => new(A * factor, B * factor, C * factor);

    public AffineForm Negate() => Times(-1);

    /// <summary>Σ weights[j]·forms[j] + offset: one unit's pre-activation as a function of the plane.</summary>
    public static AffineForm Combine(ReadOnlySpan<double> weights, IReadOnlyList<AffineForm> forms, double offset)
    {
        var result = Constant(offset);
        for (var j = 0; j < weights.Length; j++)
        {
            if (weights[j] != 0)
            {
                result = result.Plus(forms[j].Times(weights[j]));
            }
        }
        return result;
    }
}
