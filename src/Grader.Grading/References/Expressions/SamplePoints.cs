using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Evaluation;
using Grader.Engine.Linear;
using Grader.Engine.Sampling;

namespace Grader.Grading.References.Expressions;

/// <summary>
/// Draws the points an expression part is checked at: seeded by problem and part id (the same points on every machine
/// and every regrade), each variable uniform in its range, keeping only points where every <c>where</c> condition
/// holds (to stay away from kinks such as z = 0 for ReLU).
/// </summary>
internal static class SamplePoints
{
    public static IReadOnlyList<IReadOnlyDictionary<string, Matrix>> Draw(
        string seed, IReadOnlyList<VariableDomain> variables, IReadOnlyList<Expression> conditions,
        IReadOnlyDictionary<string, Expression> definitions, int count)
    {
        var random = SeededRandom.FromText(seed);
        var points = new List<IReadOnlyDictionary<string, Matrix>>(count);
        var attempts = 0;
        while (points.Count < count)
        {
            if (++attempts > 1000 * count)
            {
                throw new InvalidOperationException($"the 'where' conditions reject almost every point: {string.Join(", ", conditions)}");
            }
            var point = variables.ToDictionary(variable => variable.Name, variable => variable.Sample(random), StringComparer.Ordinal);
            if (conditions.All(condition => Holds(condition, point, definitions)))
            {
                points.Add(point);
            }
        }
        return points;
    }

    private static bool Holds(Expression condition, Dictionary<string, Matrix> point, IReadOnlyDictionary<string, Expression> definitions)
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
