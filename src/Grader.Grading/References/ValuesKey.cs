using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Engine.Linear;
using Grader.Grading.Answers;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References;

/// <summary>One named field of a values part.</summary>
internal sealed record ValueField(string Name, Matrix Reference, ValueShape Shape, Tolerance Tolerance);

/// <summary>A values part: an object of named numbers (or sequences), scored field by field for partial credit.</summary>
internal sealed class ValuesKey(IReadOnlyList<ValueField> fields, bool reveal) : AnswerKey
{
    public bool Reveal { get; } = reveal;

    public IReadOnlyList<ValueField> Fields { get; } = fields;

    /// <summary>The fields recomputed from the student's own other fields when wrong (error-carried-forward), or null.</summary>
    public CarriedFields? Carried { get; init; }

    public override JsonNode? Expected => Reveal
        ? new JsonObject(Fields.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)JsonShapes.ToJson(f.Reference, f.Shape))))
        : null;

    public override string Describe() =>
        string.Join(", ", Fields.Select(field => $"{field.Name} = {JsonShapes.ToJson(field.Reference, field.Shape).ToJsonString()}"))
        + $"  ({Fields[0].Tolerance})";

    public override PartResult Grade(Part part, JsonElement answer)
    {
        if (!ValuesText.TryAsObject(answer, [.. Fields.Select(field => field.Name)], out answer, out var readAs, out var shapeError))
        {
            return new PartResult(part.Id, PartStatus.Invalid, 0, part.Points, shapeError);
        }
        var correct = 0;
        var carried = 0;
        var given = 0;
        var notes = new StringBuilder();
        var tags = new List<string>();
        var wrong = new List<ValueField>();
        foreach (var field in Fields)
        {
            var verdict = JudgeField(answer, field);
            if (verdict.Tag is { } tag && !tags.Contains(tag))
            {
                tags.Add(tag);
            }
            if (verdict.Status == PartStatus.Incorrect)
            {
                wrong.Add(field);
            }
            if (verdict.Status != PartStatus.Missing)
            {
                given++;
            }
            if (verdict.IsCorrect)
            {
                correct++;
                continue;
            }
            if (verdict.Status == PartStatus.Incorrect && Carried?.TryCarry(answer, field, Fields) is { } carriedNote)
            {
                carried++;
                wrong.Remove(field);
                notes.Append(notes.Length == 0 ? "" : " ").Append(field.Name).Append(": ").Append(carriedNote);
                continue;
            }
            notes.Append(notes.Length == 0 ? "" : " ").Append(field.Name).Append(": ").Append(verdict.Message);
        }
        if (SharedMistake(answer, wrong) is { } shared)
        {
            notes.Append(notes.Length == 0 ? "" : " ").Append($"The {wrong.Count} wrong fields share one slip: {shared.Message}");
            tags.Remove(shared.Tag);
            tags.Add(shared.Tag);
        }
        var unknown = answer.EnumerateObject().Select(p => p.Name).Where(name => FindField(name) is null).ToList();
        if (unknown.Count > 0)
        {
            notes.Append(notes.Length == 0 ? "" : " ").Append($"Ignored unknown field(s): {string.Join(", ", unknown)}.");
        }
        if (given == 0 && unknown.Count > 0)
        {
            return new PartResult(part.Id, PartStatus.Invalid, 0, part.Points,
                $"None of the fields {string.Join(", ", Fields.Select(field => field.Name))} was given (got {string.Join(", ", unknown)}).");
        }
        var status = given == 0 ? PartStatus.Missing
            : correct == Fields.Count ? PartStatus.Correct
            : correct + carried > 0 ? PartStatus.Partial
            : PartStatus.Incorrect;
        var feedback = status == PartStatus.Correct && notes.Length == 0 ? "Correct."
            : $"{correct} of {Fields.Count} correct{(carried > 0 ? $", {carried} more carried forward" : "")}. {notes}".TrimEnd()
                + SwappedFields.Describe(answer, Fields);
        feedback = readAs.Length == 0 ? feedback : $"{feedback} {readAs}";
        if (carried > 0)
        {
            tags.Add(CarriedCredit.Tag);
        }
        var score = Math.Round(part.Points * (correct + carried * (Carried?.Credit ?? 0)) / Fields.Count, 10);
        return new PartResult(part.Id, status, score, part.Points, feedback, status == PartStatus.Correct ? null : Expected) { Tags = tags };
    }

    private static Verdict JudgeField(JsonElement answer, ValueField field)
    {
        var given = FieldNames.FindAll(answer, field.Name).Where(p => p.Value.ValueKind != JsonValueKind.Null).ToList();
        if (given.Count > 1 && !SameValue(given, field))
        {
            // Two spellings with two values is a hedge: grading either one would reward answering both ways.
            var spellings = string.Join(" and ", given.Select(p => $"\"{p.Name}\""));
            return Verdict.Incorrect($"given twice with different values ({spellings}); give each field once.");
        }
        var property = FindProperty(answer, field.Name);
        if (property is null || property.Value.ValueKind == JsonValueKind.Null)
        {
            return Verdict.Missing("missing.");
        }
        return ValueJudge.Judge(property.Value, field.Reference, field.Shape, field.Tolerance);
    }

    // One field alone is too little evidence for a hint (0.5 against 1 is half by coincidence as often as by a lost factor
    // of 2); two or more wrong fields that all show the same slip are not.
    private static Mistake? SharedMistake(JsonElement answer, List<ValueField> wrong)
    {
        if (wrong.Count < MistakeHints.Evidence)
        {
            return null;
        }
        var students = new List<Matrix>();
        foreach (var field in wrong)
        {
            if (FieldNames.Find(answer, field.Name) is not { } property || !ValueJudge.TryRead(property, field.Shape, out var value, out _))
            {
                return null;
            }
            students.Add(value);
        }
        return MistakeHints.Find(students, [.. wrong.Select(field => field.Reference)], wrong[0].Tolerance);
    }

    private static bool SameValue(List<JsonProperty> given, ValueField field)
    {
        Matrix? first = null;
        foreach (var property in given)
        {
            if (!ValueJudge.TryRead(property.Value, field.Shape, out var value, out _)
                || (first is not null && (first.Shape != value.Shape || !first.Values.SequenceEqual(value.Values))))
            {
                return false;
            }
            first ??= value;
        }
        return true;
    }

    private static JsonElement? FindProperty(JsonElement answer, string name) => FieldNames.Find(answer, name);

    private ValueField? FindField(string name) => Fields.FirstOrDefault(field => FieldNames.Matches(name, field.Name));
}
