using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Engine.Linear;
using Grader.Engine.Networks;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References.Designs;

/// <summary>
/// "Choose weights that separate these points": the student's network must put every labelled point in its class — a
/// one-output network by its output above the threshold (label 1) or below (label 0), a network with several outputs by
/// the index of its largest output (labels 0, 1, …). A point exactly on the threshold or at a tie is not separated.
/// </summary>
internal sealed class PointSetDesignKey(IReadOnlyList<string> parameterNames, Func<IReadOnlyDictionary<string, double>, FeedForwardNetwork> buildStudentNetwork,
    IReadOnlyList<Matrix> points, IReadOnlyList<int> labels, double threshold) : AnswerKey
{
    public override JsonNode? Expected => null;

    public override string Describe() =>
        $"any {string.Join(", ", parameterNames)} putting every point in its class: "
        + string.Join(", ", points.Select((point, i) => $"{DesignPoint.Format(point)} → {labels[i]}"))
        + $"  (threshold {ValueJudge.Format(threshold)})";

    public override PartResult Grade(Part part, JsonElement answer)
    {
        if (!DesignAnswer.TryRead(part, answer, parameterNames, out var values, out var refusal))
        {
            return refusal;
        }
        var student = buildStudentNetwork(values);
        var wrong = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var output = student.Evaluate(points[i]);
            var predicted = ClassOf(output);
            if (predicted != labels[i])
            {
                wrong.Add($"{DesignPoint.Format(points[i])} (label {labels[i]}) gets output {DesignPoint.Format(output)}, "
                    + (predicted is null ? "which decides no class" : $"class {predicted}"));
            }
        }
        if (wrong.Count == 0)
        {
            return new PartResult(part.Id, PartStatus.Correct, part.Points, part.Points, $"Correct: your network separates all {points.Count} points.");
        }
        var score = Math.Round(part.Points * (points.Count - wrong.Count) / points.Count, 10);
        return new PartResult(part.Id, score > 0 ? PartStatus.Partial : PartStatus.Incorrect, score, part.Points,
            $"{points.Count - wrong.Count} of {points.Count} points are in their class; not: {string.Join("; ", wrong)}.");
    }

    private int? ClassOf(Matrix output)
    {
        var values = output.ToArray();
        if (values.Length == 1)
        {
            return values[0] > threshold ? 1 : values[0] < threshold ? 0 : null;
        }
        var best = values.Max();
        return values.Count(value => value == best) == 1 ? Array.IndexOf(values, best) : null;
    }
}
