using System.Text.Json;
using Grader.Grading.Answers;

namespace Grader.Grading.References.Designs;

/// <summary>Reads a design answer: an object giving a number for every parameter the design names.</summary>
internal static class DesignAnswer
{
    /// <summary>An empty object is no answer at all: the part is missing, not invalid.</summary>
    public static bool IsEmpty(JsonElement answer) => answer.ValueKind == JsonValueKind.Object && !answer.EnumerateObject().Any();

    public static bool TryRead(JsonElement answer, IReadOnlyList<string> names, out Dictionary<string, double> values, out string error)
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
