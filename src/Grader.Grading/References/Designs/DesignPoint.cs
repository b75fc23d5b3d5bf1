using Grader.Engine.Linear;
using Grader.Grading.Judging;

namespace Grader.Grading.References.Designs;

/// <summary>How design feedback writes a network's input or output: a number, or a tuple <c>(0.5, -1)</c> for a vector.</summary>
internal static class DesignPoint
{
    public static string Format(Matrix value) =>
        value.IsScalar ? ValueJudge.Format(value.ScalarValue) : $"({string.Join(", ", value.ToArray().Select(ValueJudge.Format))})";
}
