using Grader.Engine.Linear;

namespace Grader.Grading.References.Expressions;

/// <summary>
/// What a variable's sampled values must satisfy beyond their range, so that an answer true only under the constraint is
/// graded right: with a one-hot label y the softmax + cross-entropy gradient is p − y, with any y in [0, 1]³ it is not.
/// Each maps the values drawn in the range (a Latin-hypercube point) to a value that satisfies it, deterministically.
/// </summary>
internal enum VariableConstraint
{
    None,
    OneHot,
    Simplex,
    Integer,
    Positive,
    UnitNorm,
    Symmetric,
    PositiveDefinite,
}

internal static class VariableConstraints
{
    public static readonly IReadOnlyDictionary<string, VariableConstraint> ByName = new Dictionary<string, VariableConstraint>(StringComparer.Ordinal)
    {
        ["one-hot"] = VariableConstraint.OneHot,
        ["simplex"] = VariableConstraint.Simplex,
        ["integer"] = VariableConstraint.Integer,
        ["positive"] = VariableConstraint.Positive,
        ["unit-norm"] = VariableConstraint.UnitNorm,
        ["symmetric"] = VariableConstraint.Symmetric,
        ["positive-definite"] = VariableConstraint.PositiveDefinite,
    };

    public static string Name(VariableConstraint constraint) => ByName.First(pair => pair.Value == constraint).Key;

    /// <summary>Why a variable cannot take this constraint, or null when it can.</summary>
    public static string? Refusal(VariableConstraint constraint, Shape shape, double low, double high) => constraint switch
    {
        VariableConstraint.OneHot or VariableConstraint.Simplex or VariableConstraint.UnitNorm when shape.Columns != 1 || shape.Rows < 2
            => "is a column vector of at least 2 elements",
        VariableConstraint.Symmetric or VariableConstraint.PositiveDefinite when shape.Rows != shape.Columns || shape.Rows < 2
            => "is a square matrix of at least 2×2",
        VariableConstraint.Positive when !(low >= 0) => "needs a range with low ≥ 0",
        VariableConstraint.Integer when Math.Floor(high) < Math.Ceiling(low) => "needs a range that holds an integer",
        _ => null,
    };

    /// <summary>Maps values drawn uniformly in [low, high] to a value satisfying the constraint.</summary>
    public static Matrix Apply(VariableConstraint constraint, Matrix drawn, double low, double high)
    {
        var values = drawn.ToArray();
        var (rows, columns) = (drawn.Rows, drawn.Columns);
        switch (constraint)
        {
            case VariableConstraint.OneHot:
                var hot = Array.IndexOf(values, values.Max());
                return Matrix.FromRowMajor(rows, columns, values.Select((_, i) => i == hot ? 1.0 : 0.0).ToArray());
            case VariableConstraint.Simplex:
                // −log of a uniform is exponential; normalised exponentials are uniform on the simplex (Dirichlet(1, …, 1)).
                var exponentials = values.Select(value => -Math.Log(1 - (value - low) / (high - low)) + 1e-9).ToArray();
                return Matrix.FromRowMajor(rows, columns, exponentials.Select(e => e / exponentials.Sum()).ToArray());
            case VariableConstraint.Integer:
                return Matrix.FromRowMajor(rows, columns, values.Select(value => Math.Clamp(Math.Round(value), Math.Ceiling(low), Math.Floor(high))).ToArray());
            case VariableConstraint.Positive:
                // Strictly positive even when the range starts at 0.
                return Matrix.FromRowMajor(rows, columns, values.Select(value => Math.Max(value, low + (high - low) * 1e-3)).ToArray());
            case VariableConstraint.UnitNorm:
                var centred = values.Select(value => value - (low + high) / 2).ToArray();
                var norm = Math.Sqrt(centred.Sum(value => value * value));
                return Matrix.FromRowMajor(rows, columns, centred.Select(value => norm > 0 ? value / norm : 1 / Math.Sqrt(values.Length)).ToArray());
            case VariableConstraint.Symmetric:
                return drawn.Add(drawn.Transpose()).Scale(0.5);
            case VariableConstraint.PositiveDefinite:
                // X·Xᵀ/n is positive semi-definite; adding I keeps the smallest eigenvalue at least 1, well away from singular.
                return drawn.MatMul(drawn.Transpose()).Scale(1.0 / rows).Add(Matrix.Identity(rows));
            default:
                return drawn;
        }
    }
}
