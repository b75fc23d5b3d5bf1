using System.Text.Json;
using Grader.Grading.Answers;
using Grader.Grading.Judging;

namespace Grader.Grading.References;

/// <summary>
/// Names exchanged fields of a values answer: when a student's o1 is the reference o2 and their o2 the reference o1 (each
/// within that field's tolerance), the feedback says "o1 and o2 are exchanged." instead of leaving two bare mismatches.
/// </summary>
internal static class SwappedFields
{
    /// <summary>" o1 and o2 are exchanged." for every exchanged pair, or "" when there is none.</summary>
    public static string Describe(JsonElement answer, IReadOnlyList<ValueField> fields)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return "";
        }
        var swaps = new List<string>();
        for (var a = 0; a < fields.Count; a++)
        {
            for (var b = a + 1; b < fields.Count; b++)
            {
                if (Holds(answer, fields[a], fields[b]) && Holds(answer, fields[b], fields[a]) && !Holds(answer, fields[a], fields[a]))
                {
                    swaps.Add($" {fields[a].Name} and {fields[b].Name} are exchanged.");
                }
            }
        }
        return string.Concat(swaps);
    }

    // The student's value for one field equals another field's reference, by that reference's shape and tolerance.
    private static bool Holds(JsonElement answer, ValueField given, ValueField reference) =>
        FieldNames.Find(answer, given.Name) is { ValueKind: not JsonValueKind.Null } value
        && reference.Shape == given.Shape
        && ValueJudge.Judge(value, reference.Reference, reference.Shape, reference.Tolerance).IsCorrect;
}
