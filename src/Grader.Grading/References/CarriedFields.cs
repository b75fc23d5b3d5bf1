using System.Text.Json;
using Grader.Engine.Expressions.Ast;
using Grader.Engine.Linear;
using Grader.Grading.Answers;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References;

/// <summary>
/// Error-carried-forward inside a values part (a backprop chain such as q → f, ∂f/∂z = q): a wrong field that is right
/// given the student's own values of the fields its formula uses earns <see cref="Credit"/> of a field. Nothing is carried
/// when none of those fields is wrong, when one is missing, unreadable or given twice, or when one is 0 or 1 where the
/// true value is not: the identities of + and × make a chain field trivial (all ones would "carry" f = z·1 and ∂f/∂x = 1).
/// </summary>
internal sealed class CarriedFields(IReadOnlyDictionary<string, Expression> formulas, double credit)
{
    public double Credit { get; } = credit;

    public IReadOnlyDictionary<string, Expression> Formulas { get; } = formulas;

    /// <summary>A note for the student when the wrong field is right on their own earlier values, else null.</summary>
    public string? TryCarry(JsonElement answer, ValueField field, IReadOnlyList<ValueField> fields)
    {
        if (!Formulas.TryGetValue(field.Name, out var formula) || Read(answer, field) is not { } student)
        {
            return null;
        }
        var inputs = new Dictionary<string, Matrix>(StringComparer.Ordinal);
        var anyWrong = false;
        foreach (var name in formula.Variables)
        {
            var input = fields.First(f => f.Name == name);
            if (Read(answer, input) is not { } value || value.Shape != input.Reference.Shape)
            {
                return null;
            }
            if (IsTrivial(value, input.Reference, input.Tolerance))
            {
                return null;
            }
            anyWrong |= Closeness.FirstMismatch(value, input.Reference, input.Tolerance) >= 0;
            inputs[name] = value;
        }
        if (!anyWrong)
        {
            return null;
        }
        var carried = formula.Evaluate(inputs);
        if (carried.Shape != student.Shape || !carried.AllFinite() || Closeness.FirstMismatch(student, carried, field.Tolerance) >= 0)
        {
            return null;
        }
        return $"correct using your {string.Join(", ", inputs.Select(pair => $"{pair.Key} = {Format(pair.Value)}"))}.";
    }

    private static Matrix? Read(JsonElement answer, ValueField field)
    {
        var given = FieldNames.FindAll(answer, field.Name);
        return given.Count == 1 && ValueJudge.TryRead(given[0].Value, field.Shape, out var value, out _) ? value : null;
    }

    private static bool IsTrivial(Matrix value, Matrix reference, Tolerance tolerance) =>
        (Constant(value, 0, tolerance) && !Constant(reference, 0, tolerance)) || (Constant(value, 1, tolerance) && !Constant(reference, 1, tolerance));

    private static bool Constant(Matrix value, double constant, Tolerance tolerance) =>
        value.Values.ToArray().All(v => Math.Abs(v - constant) <= tolerance.Absolute);

    private static string Format(Matrix value) => value.IsScalar ? ValueJudge.Format(value.ScalarValue) : value.ToString();
}
