using System.Globalization;
using System.Text.Json;
using Grader.Engine.Linear;
using Grader.Grading.Answers;
using Grader.Grading.Model;
using Grader.Grading.References;
using Grader.Grading.References.Expressions;

namespace Grader.Grading.Judging;

/// <summary>
/// How a wrong numeric answer relates to the student's own reference — "negated", "×2", "transposed", "zero", "other" —
/// so that the summary of a randomized problem can count the same mistake made on different numbers as one: two students
/// who both flip a sign give different values but the same pattern. A values part names each wrong field
/// ("f: negated; df_dz: ×0.5"). An expression part whose reference differs between variants is described by
/// <see cref="ExpressionPatterns"/>. Other parts (symbolic expressions, choices, designs) have no pattern: their raw
/// answers, the same for every variant, group as they are.
/// </summary>
internal static class AnswerPatterns
{
    /// <summary>
    /// Sets <see cref="PartResult.Pattern"/> on every incorrect or partial numeric part of a randomized problem, and on every
    /// such expression part for which <paramref name="varies"/> holds.
    /// </summary>
    public static void Apply(IReadOnlyList<Part> parts, Func<string, JsonElement?> answerOf, List<PartResult> results, Func<Part, bool> varies)
    {
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Status is PartStatus.Incorrect or PartStatus.Partial && answerOf(parts[i].Id) is { } answer
                && Of(parts[i].Key, answer, results[i], varies(parts[i])) is { } pattern)
            {
                results[i] = results[i] with { Pattern = pattern };
            }
        }
    }

    public static string? Of(AnswerKey key, JsonElement answer, PartResult result, bool varies = false) => key switch
    {
        HintedKey hinted => Of(hinted.Inner, answer, result, varies),
        ExpressionKey expression when varies => result.Tags.Contains(CarriedCredit.Tag) ? "carried forward" : ExpressionPatterns.Of(expression, answer),
        ValueKey value => ValueJudge.TryRead(answer, value.Shape, out var student, out _)
            ? Carried(Relation(student, value.Reference, value.Tolerance), result)
            : null,
        ValuesKey values => Fields(values, answer, result),
        _ => null,
    };

    /// <summary>The relation of <paramref name="student"/> to <paramref name="reference"/>, checked in this order.</summary>
    public static string Relation(Matrix student, Matrix reference, Tolerance tolerance)
    {
        if (student.Shape != reference.Shape)
        {
            return student.Rows == reference.Columns && student.Columns == reference.Rows
                && Closeness.FirstMismatch(student.Transpose(), reference, tolerance) < 0 ? "transposed" : "wrong shape";
        }
        if (Closeness.FirstMismatch(student, reference, tolerance) < 0)
        {
            return "right";
        }
        if (Closeness.FirstMismatch(student.Negate(), reference, tolerance) < 0)
        {
            return "negated";
        }
        if (reference.Rows > 1 && reference.Columns > 1)
        {
            if (Closeness.FirstMismatch(student.Transpose(), reference, tolerance) < 0)
            {
                return "transposed";
            }
            if (Closeness.FirstMismatch(student.Transpose().Negate(), reference, tolerance) < 0)
            {
                return "negated, transposed";
            }
        }
        if (student.Values.IndexOfAnyExcept(0.0) < 0)
        {
            return "zero";
        }
        return Factor(student, reference, tolerance) is { } factor ? $"×{factor.ToString("G3", CultureInfo.InvariantCulture)}" : "other";
    }

    // Factors a slip commonly makes (a lost or extra 2, 3, 4, 10): a single number only ever names one of these, since any
    // wrong number is some factor times its reference.
    private static readonly double[] Common = [2, 0.5, 3, 1.0 / 3, 4, 0.25, 10, 0.1];

    // One factor k with student ≈ k·reference everywhere (a lost 1/2, an extra n): the same slip on anyone's numbers. Any
    // k when two or more non-zero references agree on it; only a common one for a single non-zero reference.
    private static double? Factor(Matrix student, Matrix reference, Tolerance tolerance)
    {
        var nonZero = 0;
        for (var i = 0; i < reference.Count; i++)
        {
            nonZero += Math.Abs(reference[i]) > tolerance.Absolute ? 1 : 0;
        }
        if (nonZero < MistakeHints.Evidence)
        {
            var common = Common.SelectMany(k => new[] { k, -k })
                .FirstOrDefault(k => Closeness.FirstMismatch(student, reference.Scale(k), tolerance) < 0);
            return common == 0 ? null : Round(common);
        }
        var index = 0;
        while (index < reference.Count && Math.Abs(reference[index]) <= tolerance.Absolute)
        {
            index++;
        }
        if (index == reference.Count)
        {
            return null;
        }
        var factor = student[index] / reference[index];
        var scaled = reference.Scale(factor);
        return double.IsFinite(factor) && factor != 0 && Closeness.FirstMismatch(student, scaled, tolerance) < 0
            ? Round(factor)
            : null;
    }

    private static double Round(double factor) => double.Parse(factor.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string? Fields(ValuesKey values, JsonElement answer, PartResult result)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var wrong = new List<string>();
        foreach (var field in values.Fields)
        {
            var relation = FieldNames.Find(answer, field.Name) is not { ValueKind: not JsonValueKind.Null } given ? "missing"
                : !ValueJudge.TryRead(given, field.Shape, out var student, out _) ? "unreadable"
                : Relation(student, field.Reference, field.Tolerance);
            if (relation == "other" && values.Carried?.TryCarry(answer, field, values.Fields) is not null)
            {
                relation = "carried forward";
            }
            if (relation != "right")
            {
                wrong.Add($"{field.Name}: {relation}");
            }
        }
        return wrong.Count == 0 ? Carried("other", result) : string.Join("; ", wrong);
    }

    // A part whose credit was carried from the student's own earlier answer is wrong against the reference by design.
    private static string Carried(string relation, PartResult result) =>
        relation == "other" && result.Tags.Contains(CarriedCredit.Tag) ? "carried forward" : relation;
}
