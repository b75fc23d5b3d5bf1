using Grader.Engine.Linear;
using Grader.Grading.Loading;
using Grader.Grading.References.Quantities;

namespace Grader.Grading.References.Expressions;

/// <summary>A gradient step is taken at one fixed point: warn when that point sits on a kink or a tie of the function.</summary>
internal static class StepKinks
{
    public static void Warn(YamlMap step, ProblemContext context)
    {
        var at = step.Map("at");
        var point = at.Keys.ToDictionary(name => name, name => at.Matrix(name), StringComparer.Ordinal);
        var function = AuthorExpressions.Parse(step.String("of"), point.Keys);
        foreach (var kink in Kinks.In(function, (IReadOnlyDictionary<string, Matrix>)point))
        {
            context.Warn(step, $"the gradient step's function: {kink}; its slope there is a convention, not a fact: move the point");
        }
    }
}
