using System.Globalization;
using System.Text.Json;
using Grader.Engine.Linear;
using Grader.Grading.Answers;
using Grader.Grading.Model;
using Grader.Grading.References;

namespace Grader.Grading.Judging;

/// <summary>
/// Error-carried-forward credit: a later part that is wrong against the reference but right given the student's own
/// (wrong) answer to an earlier part earns <see cref="Credit"/> of its points, tagged <c>carried-forward</c>. Nothing is
/// carried when the earlier answer is missing, unreadable or right (then the later part is simply wrong), or when it makes
/// the later part trivial: a carried value of 0 where the true one is not (a zero gradient is no step, a zero factor
/// zeroes the chain), or a recomputed reference that is 0 everywhere where the true one is not.
/// </summary>
internal sealed class CarriedCredit(string fromPart, IReadOnlyList<string> names, double credit,
    Func<IReadOnlyDictionary<string, Matrix>, AnswerKey> rebuild)
{
    public const string Tag = "carried-forward";

    public string FromPart { get; } = fromPart;

    public double Credit { get; } = credit;

    /// <summary>The earlier part's values this part is recomputed from (its fields, or the number under one name).</summary>
    public IReadOnlyList<string> Names { get; } = names;

    /// <summary>Regrades each part that carries from an earlier one; the results are in the problem's part order.</summary>
    public static void Apply(IReadOnlyList<Part> parts, Func<string, JsonElement?> answerOf, List<PartResult> results)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Carry is not { } carry || results[i].Status is not (PartStatus.Incorrect or PartStatus.Partial))
            {
                continue;
            }
            var earlier = parts.Select((part, index) => (part, index)).First(pair => pair.part.Id == carry.FromPart);
            try
            {
                results[i] = carry.Regrade(parts[i], results[i], earlier.part, results[earlier.index], answerOf(earlier.part.Id),
                    answerOf(parts[i].Id));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Grading never throws: a carried recomputation that fails leaves the part as graded against the reference.
            }
        }
    }

    /// <summary>The earlier part's true values under <see cref="Names"/>.</summary>
    public static Dictionary<string, Matrix> TrueValues(Part earlier, IReadOnlyList<string> names) => earlier.Key switch
    {
        ValuesKey values => names.ToDictionary(name => name, name => values.Fields.First(f => FieldNames.Matches(f.Name, name)).Reference,
            StringComparer.Ordinal),
        ValueKey value => new Dictionary<string, Matrix>(StringComparer.Ordinal) { [names[0]] = value.Reference },
        _ => throw new InvalidOperationException($"part '{earlier.Id}' is not a number or values part"),
    };

    public AnswerKey Rebuild(IReadOnlyDictionary<string, Matrix> values) => rebuild(values);

    private PartResult Regrade(Part part, PartResult result, Part earlier, PartResult earlierResult, JsonElement? earlierAnswer,
        JsonElement? answer)
    {
        if (earlierResult.Status == PartStatus.Correct || answer is null)
        {
            return result;
        }
        if (earlierResult.Status is PartStatus.Missing or PartStatus.Invalid || earlierAnswer is null
            || !TryReadStudentValues(earlier, earlierAnswer.Value, out var values))
        {
            return Note(result, $"No credit carried from {FromPart}: that answer is missing or could not be read.");
        }
        var truth = TrueValues(earlier, Names);
        var tolerance = new Tolerance(0, 1e-8);
        var zeroed = Names.FirstOrDefault(name => IsZero(values[name], tolerance) && !IsZero(truth[name], tolerance));
        if (zeroed is not null)
        {
            return Note(result, $"No credit carried from {FromPart}: with {zeroed} = 0 this part would be trivial.");
        }
        var key = rebuild(values);
        var carried = key.Grade(part, answer.Value);
        if (carried.Status != PartStatus.Correct)
        {
            return result;
        }
        if (key is References.Expressions.ExpressionKey expressionKey && expressionKey.References.All(r => IsZero(r, tolerance)))
        {
            return Note(result, $"No credit carried from {FromPart}: your answer there makes this part trivial.");
        }
        var given = string.Join(", ", Names.Select(name => $"{name} = {Format(values[name])}"));
        var status = Credit >= 1 ? PartStatus.Correct : PartStatus.Partial;
        return result with
        {
            Status = status,
            Score = Math.Round(part.Points * Credit, 10),
            Feedback = $"Correct using your answer to {FromPart} ({given})"
                + (Credit >= 1 ? "." : $", for {Credit.ToString("0.##", CultureInfo.InvariantCulture)} of the points.")
                + $" Against the reference: {result.Feedback}",
            Tags = [.. result.Tags, Tag],
        };
    }

    private bool TryReadStudentValues(Part earlier, JsonElement answer, out Dictionary<string, Matrix> values)
    {
        values = new Dictionary<string, Matrix>(StringComparer.Ordinal);
        var truth = TrueValues(earlier, Names);
        if (earlier.Key is ValueKey)
        {
            if (!AnswerReader.TryReadNumber(answer, out var number, out _))
            {
                return false;
            }
            values[Names[0]] = Matrix.Scalar(number);
            return true;
        }
        if (!ValuesText.TryAsObject(answer, [.. ((ValuesKey)earlier.Key).Fields.Select(f => f.Name)], out var named, out _, out _))
        {
            return false;
        }
        foreach (var name in Names)
        {
            // A field given twice under two spellings is no value to carry.
            var given = FieldNames.FindAll(named, name);
            var shape = truth[name].IsScalar ? ValueShape.Scalar : truth[name].Columns == 1 ? ValueShape.Vector : ValueShape.Matrix;
            if (given.Count != 1 || !ValueJudge.TryRead(given[0].Value, shape, out var value, out _) || value.Shape != truth[name].Shape)
            {
                return false;
            }
            values[name] = value;
        }
        return true;
    }

    private static bool IsZero(Matrix value, Tolerance tolerance) => value.Values.ToArray().All(v => Math.Abs(v) <= tolerance.Absolute);

    private static string Format(Matrix value) => value.IsScalar ? ValueJudge.Format(value.ScalarValue) : value.ToString();

    private static PartResult Note(PartResult result, string note) => result with { Feedback = $"{result.Feedback} {note}" };
}
