using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Engine.Linear;
using Grader.Engine.Networks;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References.Designs;

/// <summary>
/// A network design graded by exact functional equivalence with a target one-input network: the student's weights fill a
/// template, and both networks are compared at every breakpoint of either and beyond the outermost ones — where two
/// piecewise-linear functions agree, they agree everywhere. Any correct set of weights earns full credit.
/// </summary>
internal sealed class NetworkDesignKey(FeedForwardNetwork target, string targetDescription, IReadOnlyList<string> parameterNames,
    Func<IReadOnlyDictionary<string, double>, FeedForwardNetwork> buildStudentNetwork, Tolerance tolerance) : AnswerKey
{
    public override JsonNode? Expected => null;

    public override string Describe() =>
        $"any {string.Join(", ", parameterNames)} computing {targetDescription} for every x; breakpoints of the target: "
        + $"[{string.Join(", ", Breakpoints.Of(target).Select(ValueJudge.Format))}]  ({tolerance})";

    public override PartResult Grade(Part part, JsonElement answer)
    {
        if (!DesignAnswer.TryRead(part, answer, parameterNames, out var values, out var refusal))
        {
            return refusal;
        }
        var student = buildStudentNetwork(values);
        foreach (var x in ComparisonPoints(student))
        {
            var mine = student.Evaluate(Matrix.Scalar(x)).ScalarValue;
            var expected = target.Evaluate(Matrix.Scalar(x)).ScalarValue;
            if (!tolerance.Accepts(mine, expected))
            {
                return new PartResult(part.Id, PartStatus.Incorrect, 0, part.Points,
                    $"Your network computes ŷ({ValueJudge.Format(x)}) = {ValueJudge.Format(mine)}, "
                    + $"but {targetDescription} gives {ValueJudge.Format(expected)} there.");
            }
        }
        return new PartResult(part.Id, PartStatus.Correct, part.Points, part.Points, "Correct: your network computes the same function for every x.");
    }

    private List<double> ComparisonPoints(FeedForwardNetwork student)
    {
        var kinks = Breakpoints.Of(target).Concat(Breakpoints.Of(student)).Distinct().Order().ToList();
        if (kinks.Count == 0)
        {
            return [-1, 0, 1];
        }
        // Every breakpoint, a point inside every piece, and a point beyond each end (scaled so it is truly outside).
        var reach = Math.Max(1, Math.Abs(kinks[^1] - kinks[0]));
        var points = new List<double> { kinks[0] - reach, kinks[^1] + reach };
        for (var i = 0; i < kinks.Count; i++)
        {
            points.Add(kinks[i]);
            if (i + 1 < kinks.Count)
            {
                points.Add((kinks[i] + kinks[i + 1]) / 2);
            }
        }
        return points;
    }
}
