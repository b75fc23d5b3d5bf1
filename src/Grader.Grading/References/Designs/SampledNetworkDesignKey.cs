using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Engine.Linear;
using Grader.Engine.Networks;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References.Designs;

/// <summary>
/// A design of a network with several inputs, graded by comparing the student's network with the target at every point of
/// a grid over a box. Breakpoints, which make the one-input comparison exact, do not exist in the plane, so the grid is
/// dense (about 2,000 points) and shifted off round coordinates, where a step or relu unit would sit exactly at its kink.
/// </summary>
internal sealed class SampledNetworkDesignKey(FeedForwardNetwork target, string targetDescription, IReadOnlyList<string> parameterNames,
    Func<IReadOnlyDictionary<string, double>, FeedForwardNetwork> buildStudentNetwork, IReadOnlyList<(double Low, double High)> box,
    Tolerance tolerance) : AnswerKey
{
    private const int GridPoints = 2000;

    private readonly IReadOnlyList<Matrix> _points = Grid(box);

    public override JsonNode? Expected => null;

    public override string Describe() =>
        $"any {string.Join(", ", parameterNames)} computing {targetDescription} at {_points.Count} grid points of "
        + $"{string.Join(" × ", box.Select(side => $"[{ValueJudge.Format(side.Low)}, {ValueJudge.Format(side.High)}]"))}  ({tolerance})";

    public override PartResult Grade(Part part, JsonElement answer)
    {
        if (!DesignAnswer.TryRead(part, answer, parameterNames, out var values, out var refusal))
        {
            return refusal;
        }
        var student = buildStudentNetwork(values);
        foreach (var point in _points)
        {
            var mine = student.Evaluate(point);
            var expected = target.Evaluate(point);
            if (mine.Shape != expected.Shape || !mine.ToArray().Zip(expected.ToArray()).All(pair => tolerance.Accepts(pair.First, pair.Second)))
            {
                return new PartResult(part.Id, PartStatus.Incorrect, 0, part.Points,
                    $"Your network computes {DesignPoint.Format(mine)} at x = {DesignPoint.Format(point)}, "
                    + $"but {targetDescription} gives {DesignPoint.Format(expected)} there.");
            }
        }
        return new PartResult(part.Id, PartStatus.Correct, part.Points, part.Points,
            $"Correct: your network computes the same function at all {_points.Count} points checked.");
    }

    private static List<Matrix> Grid(IReadOnlyList<(double Low, double High)> box)
    {
        var perSide = Math.Max(3, (int)Math.Floor(Math.Pow(GridPoints, 1.0 / box.Count)));
        var points = new List<Matrix>();
        var index = new int[box.Count];
        while (true)
        {
            // A shift of 0.37 of a cell keeps the points off the round coordinates hand-made weights put kinks on.
            points.Add(Matrix.Column(box.Select((side, i) => side.Low + (side.High - side.Low) * (index[i] + 0.37) / perSide).ToArray()));
            var d = 0;
            while (d < box.Count && ++index[d] == perSide)
            {
                index[d++] = 0;
            }
            if (d == box.Count)
            {
                return points;
            }
        }
    }
}
