using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Grader.Grading.Answers;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References.Designs;

/// <summary>Reads a design answer: an object giving a number for every parameter the design names.</summary>
internal static class DesignAnswer
{
    /// <summary>An empty object is no answer at all: the part is missing, not invalid.</summary>
    private static bool IsEmpty(JsonElement answer) => answer.ValueKind == JsonValueKind.Object && !answer.EnumerateObject().Any();

    /// <summary>
    /// A part's parameters, or the result it gets without them, the same for every design key: missing for an empty
    /// object, invalid (with what is wrong) for anything else that does not give every parameter a number.
    /// </summary>
    public static bool TryRead(Part part, JsonElement answer, IReadOnlyList<string> names, out Dictionary<string, double> values,
        [NotNullWhen(false)] out PartResult? refusal)
    {
        if (IsEmpty(answer))
        {
            values = [];
            refusal = new PartResult(part.Id, PartStatus.Missing, 0, part.Points, "No parameters were given.");
            return false;
        }

        refusal = TryRead(answer, names, out values, out var error) ? null : new PartResult(part.Id, PartStatus.Invalid, 0, part.Points, error);
        return refusal is null;
    }

    private static bool TryRead(JsonElement answer, IReadOnlyList<string> names, out Dictionary<string, double> values, out string error)
    {
        values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (answer.ValueKind != JsonValueKind.Object)
        {
            error = $"Expected an object with the parameters {string.Join(", ", names)}, got {AnswerReader.Describe(answer)}.";
            return false;
        }
        var missing = new List<string>();
        foreach (var name in names)
        {
            var property = FieldNames.Find(answer, name);
            if (property is null)
            {
                missing.Add(name);
                continue;
            }
            if (!AnswerReader.TryReadNumber(property.Value, out var value, out var numberError, percent: false))
            {
                error = $"{name}: {numberError}.";
                return false;
            }
            values[name] = value;
        }
        error = missing.Count == 0 ? "" : $"Missing parameter(s): {string.Join(", ", missing)}.";
        return missing.Count == 0;
    }
}
