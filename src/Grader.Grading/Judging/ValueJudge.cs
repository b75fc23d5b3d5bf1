using System.Globalization;
using System.Text.Json;
using Grader.Engine.Linear;
using Grader.Grading.Answers;
using Grader.Grading.Model;

namespace Grader.Grading.Judging;

/// <summary>Judges a numeric answer (a number, a vector/sequence or a matrix) against a computed reference.</summary>
internal static class ValueJudge
{
    public static Verdict Judge(JsonElement answer, Matrix reference, ValueShape shape, Tolerance tolerance)
    {
        if (!TryRead(answer, shape, out var student, out var error))
        {
            return Verdict.Invalid(Capitalise(error) + ".");
        }
        if (student.Shape != reference.Shape)
        {
            var transposed = shape == ValueShape.Matrix && !reference.IsScalar && student.Rows == reference.Columns
                && student.Columns == reference.Rows && reference.Rows != reference.Columns;
            return transposed
                ? Verdict.Invalid($"{ShapeMessage(student, reference, shape)} Did you transpose it?") with { Tag = "transpose" }
                : Verdict.Invalid(ShapeMessage(student, reference, shape));
        }
        var mismatch = Closeness.FirstMismatch(student, reference, tolerance);
        if (mismatch < 0)
        {
            return Verdict.Correct();
        }
        var mistake = MistakeHints.Find(student, reference, tolerance);
        var where = shape == ValueShape.Scalar ? "Your answer" : $"{Capitalise(Closeness.Where(reference.Shape, mismatch))} of your answer";
        var message = tolerance.Exact
            ? $"{where} ({Format(student[mismatch])}) is not the exact value expected."
            : $"{where} ({Format(student[mismatch])}) is not within the tolerance ({tolerance}) of the reference.";
        return mistake is null && MistakeHints.Observe(student, reference, tolerance) is { } observation
            ? Verdict.Incorrect($"{message} {observation}")
            : Verdict.Incorrect(message, mistake);
    }

    public static bool TryRead(JsonElement answer, ValueShape shape, out Matrix value, out string error)
    {
        switch (shape)
        {
            case ValueShape.Scalar:
                var ok = AnswerReader.TryReadNumber(answer, out var number, out error);
                value = Matrix.Scalar(number);
                return ok;
            case ValueShape.Vector:
                return AnswerReader.TryReadVector(answer, out value, out error);
            default:
                return AnswerReader.TryReadMatrix(answer, out value, out error);
        }
    }

    public static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string ShapeMessage(Matrix student, Matrix reference, ValueShape shape) => shape switch
    {
        ValueShape.Vector => $"Expected {reference.Count} values, got {student.Count}.",
        _ => $"Expected a {reference.Shape} matrix, got {student.Shape}.",
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
