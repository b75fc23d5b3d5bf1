using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Engine.Recurrent;
using Grader.Grading.Judging;
using Grader.Grading.Loading;
using Grader.Grading.Model;

namespace Grader.Grading.References.Designs;

/// <summary>
/// A scalar LSTM design graded by simulation over every input sequence up to a length: the student's rounded hₜ must
/// equal the target's at every step. The search walks the product of the two networks' states breadth-first and never
/// expands a (student, target) state twice — the future depends only on the state — so it visits each distinct state
/// once instead of every one of the 2ⁿ sequences, and the first mismatch it reports is on a shortest sequence.
/// </summary>
internal sealed class LstmDesignKey(IReadOnlyList<double> alphabet, int maxLength, bool round, SequenceTarget target) : AnswerKey
{
    private readonly record struct Node(double H, double C, TargetState Target, int Parent, double Input);

    public override JsonNode? Expected => null;

    public override string Describe() =>
        $"any parameters whose {(round ? "rounded " : "")}hₜ is {target.Description}, on every sequence over "
        + $"{{{string.Join(", ", alphabet.Select(ValueJudge.Format))}}} up to length {maxLength}";

    public override PartResult Grade(Part part, JsonElement answer)
    {
        if (!DesignAnswer.TryRead(part, answer, LstmReader.ParameterNames, out var values, out var refusal))
        {
            return refusal;
        }
        var p = LstmReader.ParameterNames.Select(name => values[name]).ToArray();
        var student = new ScalarLstm(LstmParameters.Scalar(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11]));
        var mismatch = FindMismatch(student);
        return mismatch is null
            ? new PartResult(part.Id, PartStatus.Correct, part.Points, part.Points,
                $"Correct on every input sequence up to length {maxLength}.")
            : new PartResult(part.Id, PartStatus.Incorrect, 0, part.Points, Explain(student, mismatch));
    }

    /// <summary>The shortest input sequence on which the outputs differ, or null.</summary>
    private List<double>? FindMismatch(ScalarLstm student)
    {
        var nodes = new List<Node> { new(0, 0, target.Start, -1, 0) };
        var seen = new HashSet<(double, double, TargetState)> { (0, 0, target.Start) };
        var frontier = new List<int> { 0 };
        for (var depth = 0; depth < maxLength && frontier.Count > 0; depth++)
        {
            var next = new List<int>();
            foreach (var index in frontier)
            {
                var node = nodes[index];
                foreach (var x in alphabet)
                {
                    var mine = student.Step(node.H, node.C, x, round);
                    var (targetState, expected) = target.Step(node.Target, x);
                    nodes.Add(new Node(mine.H, mine.C, targetState, index, x));
                    if (mine.H != expected)
                    {
                        return PathTo(nodes, nodes.Count - 1);
                    }
                    if (seen.Add((mine.H, mine.C, targetState)))
                    {
                        next.Add(nodes.Count - 1);
                    }
                }
            }
            frontier = next;
        }
        return null;
    }

    private static List<double> PathTo(List<Node> nodes, int index)
    {
        var path = new List<double>();
        for (var i = index; nodes[i].Parent >= 0; i = nodes[i].Parent)
        {
            path.Add(nodes[i].Input);
        }
        path.Reverse();
        return path;
    }

    private string Explain(ScalarLstm student, List<double> inputs)
    {
        var (mine, expected) = (new List<double>(), new List<double>());
        var (h, c, state) = (0.0, 0.0, target.Start);
        foreach (var x in inputs)
        {
            var step = student.Step(h, c, x, round);
            (h, c) = (step.H, step.C);
            (state, var output) = target.Step(state, x);
            mine.Add(h);
            expected.Add(output);
        }
        return $"For the input sequence {Format(inputs)} your network's {(round ? "rounded " : "")}h is {Format(mine)}, "
            + $"but {target.Description} is {Format(expected)}.";
    }

    private static string Format(IEnumerable<double> values) =>
        "[" + string.Join(", ", values.Select(v => (v + 0.0).ToString("G6", CultureInfo.InvariantCulture))) + "]";
}
