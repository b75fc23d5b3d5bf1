using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Evaluation;
using Grader.Engine.Linear;
using Grader.Engine.Sampling;

namespace Grader.Grading.References.Expressions;

/// <summary>
/// Draws the points an expression part is checked at, seeded by problem and part id (the same points on every machine and
/// every regrade). Each batch is a Latin hypercube: every element's range is cut into as many strata as there are points
/// and each stratum is used once, so the points cover the whole range — both sides of a kink, both signs — instead of
/// clustering by chance. Points where a <c>where</c> condition fails (near a kink) are dropped and redrawn.
/// </summary>
internal static class SamplePoints
{
    public static IReadOnlyList<IReadOnlyDictionary<string, Matrix>> Draw(
        string seed, IReadOnlyList<VariableDomain> variables, IReadOnlyList<Expression> conditions,
        IReadOnlyDictionary<string, Expression> definitions, int count)
    {
        var random = SeededRandom.FromText(seed);
        var points = new List<IReadOnlyDictionary<string, Matrix>>(count);
        for (var batch = 0; points.Count < count; batch++)
        {
            if (batch == 1000)
            {
                throw new InvalidOperationException($"the 'where' conditions reject almost every point: {string.Join(", ", conditions)}");
            }
            foreach (var point in LatinHypercube(random, variables, count))
            {
                if (points.Count < count && conditions.All(condition => Holds(condition, point, definitions)))
                {
                    points.Add(point);
                }
            }
        }
        return points;
    }

    private static List<Dictionary<string, Matrix>> LatinHypercube(SeededRandom random, IReadOnlyList<VariableDomain> variables, int count)
    {
        var values = variables.Select(v => Enumerable.Range(0, count).Select(_ => new double[v.Shape.Count]).ToArray()).ToArray();
        for (var v = 0; v < variables.Count; v++)
        {
            var (low, high) = (variables[v].Low, variables[v].High);
            for (var element = 0; element < variables[v].Shape.Count; element++)
            {
                var strata = Permutation(random, count);
                for (var k = 0; k < count; k++)
                {
                    values[v][k][element] = low + (high - low) * (strata[k] + random.NextDouble()) / count;
                }
            }
        }
        return Enumerable.Range(0, count).Select(k => variables.Select((variable, v) => (variable, v)).ToDictionary(
            pair => pair.variable.Name,
            pair => VariableConstraints.Apply(pair.variable.Constraint,
                Matrix.FromRowMajor(pair.variable.Shape.Rows, pair.variable.Shape.Columns, values[pair.v][k]), pair.variable.Low, pair.variable.High),
            StringComparer.Ordinal)).ToList();
    }

    // Fisher–Yates with the seeded generator.
    private static int[] Permutation(SeededRandom random, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)(random.NextUInt64() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    public static bool Holds(Expression condition, Dictionary<string, Matrix> point, IReadOnlyDictionary<string, Expression> definitions)
    {
        var value = condition.Evaluate(new EvaluationEnvironment(point, definitions)).Value;
        foreach (var element in value.Values)
        {
            if (!(element > 0))
            {
                return false;
            }
        }
        return true;
    }
}
