using Grader.Engine.Expressions.Ast;
using Grader.Engine.Linear;
using Grader.Engine.Sampling;

namespace Grader.Grading.References.Expressions;

/// <summary>
/// Draws the points an expression part is also checked at far outside its declared ranges: an answer must be the same
/// function, not one that only agrees on the sampled box (a ReLU clipped at 6, a term that switches on at |z| > 5).
/// Each far point takes an in-range point and moves one variable (cycling through them) to 10 … 1000 times its range's
/// magnitude, alternating signs; a variable declared on one sign only (a rate, a target in [0, 1]) keeps that sign.
/// A point where a <c>where</c> condition fails is redrawn with other signs, then given up — far points are extra evidence,
/// never a reason to reject a problem file. Variables under a constraint keep their in-range values.
/// </summary>
internal static class FarPoints
{
    public const int Count = 4;

    private const int Attempts = 24;

    public static List<Dictionary<string, Matrix>> Draw(
        string seed, IReadOnlyList<VariableDomain> variables, IReadOnlyList<Expression> conditions,
        IReadOnlyDictionary<string, Expression> definitions, IReadOnlyList<IReadOnlyDictionary<string, Matrix>> inRange)
    {
        var random = SeededRandom.FromText($"{seed}/far");
        var points = new List<Dictionary<string, Matrix>>(Count);
        // A constrained variable (one-hot, simplex, integer…) lives on its constraint's set, not on a line to stretch.
        var free = variables.Where(variable => variable.Constraint == VariableConstraint.None).ToList();
        for (var j = 0; j < Count && free.Count > 0; j++)
        {
            var variable = free[j % free.Count];
            // Magnitudes 10, 46, 215 and 1000 times the range's largest bound: several orders of magnitude, both signs.
            var scale = Math.Max(Math.Abs(variable.Low), Math.Abs(variable.High)) * Math.Pow(10, 1 + 2.0 * j / (Count - 1));
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var point = new Dictionary<string, Matrix>(inRange[(j + attempt) % inRange.Count], StringComparer.Ordinal)
                {
                    [variable.Name] = FarValue(random, variable, scale, positive: (j + attempt) % 2 == 0, attempt),
                };
                if (conditions.All(condition => SamplePoints.Holds(condition, point, definitions)))
                {
                    points.Add(point);
                    break;
                }
            }
        }
        return points;
    }

    private static Matrix FarValue(SeededRandom random, VariableDomain variable, double scale, bool positive, int attempt)
    {
        var values = new double[variable.Shape.Count];
        for (var i = 0; i < values.Length; i++)
        {
            // The first attempt gives every element one sign; later ones mix signs element by element.
            var sign = attempt == 0 ? (positive ? 1 : -1) : (random.NextDouble() < 0.5 ? 1 : -1);
            sign = variable.Low >= 0 ? 1 : variable.High <= 0 ? -1 : sign;
            values[i] = sign * scale * random.NextDouble(1, 2);
        }
        return Matrix.FromRowMajor(variable.Shape.Rows, variable.Shape.Columns, values);
    }
}
