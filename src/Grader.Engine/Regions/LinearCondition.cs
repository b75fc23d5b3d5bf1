namespace Grader.Engine.Regions;

/// <summary>
/// A condition c·aˡ (relation) t on the activations aˡ of one layer (0 = the input, L = the output),
/// e.g. "f(z1) + … + f(z4) = 0" is layer 1, c = (1, 1, 1, 1), EqualTo, t = 0.
/// </summary>
public sealed record LinearCondition(int Layer, IReadOnlyList<double> Coefficients, Relation Relation, double Threshold)
{
    /// <summary>How far from t an equality may be and still hold, relative to max(1, |t|).</summary>
    public double Tolerance { get; init; } = 1e-9;

    public static LinearCondition AtMost(int layer, IReadOnlyList<double> coefficients, double threshold) =>
        new(layer, coefficients, Relation.AtMost, threshold);

    public static LinearCondition AtLeast(int layer, IReadOnlyList<double> coefficients, double threshold) =>
        new(layer, coefficients, Relation.AtLeast, threshold);

    public static LinearCondition EqualTo(int layer, IReadOnlyList<double> coefficients, double threshold) =>
        new(layer, coefficients, Relation.EqualTo, threshold);

    /// <summary>The sum of a layer's activations compared with a threshold.</summary>
    public static LinearCondition Sum(int layer, int width, Relation relation, double threshold) =>
        new(layer, Enumerable.Repeat(1.0, width).ToArray(), relation, threshold);

    /// <summary>The absolute tolerance an equality is checked with.</summary>
    public double AbsoluteTolerance => Tolerance * Math.Max(1, Math.Abs(Threshold));

    /// <summary>c·aˡ − t on a piece: the condition holds where this is ≤ 0, ≥ 0 or = 0.</summary>
    public AffineForm Margin(LinearPiece piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var activations = piece.Activations[Layer];
        var margin = AffineForm.Constant(-Threshold);
        for (var i = 0; i < Coefficients.Count; i++)
        {
            margin = margin.Plus(activations[i].Times(Coefficients[i]));
        }
        return margin;
    }

    /// <summary>c·a − t for one layer's activation values.</summary>
    public double Margin(ReadOnlySpan<double> activations)
    {
        var margin = -Threshold;
        for (var i = 0; i < Coefficients.Count; i++)
        {
            margin += Coefficients[i] * activations[i];
        }
        return margin;
    }

    public override string ToString()
    {
        var symbol = Relation switch { Relation.AtMost => "<=", Relation.AtLeast => ">=", _ => "==" };
        return FormattableString.Invariant($"c·a[{Layer}] {symbol} {Threshold} with c = ({string.Join(", ", Coefficients)})");
    }
}
