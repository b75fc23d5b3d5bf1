using Grader.Engine.Linear;
using Grader.Grading.Model;

namespace Grader.Grading.Judging;

/// <summary>
/// Names the common slips of a wrong answer — a flipped sign, a factor of 2, a transposed matrix — by checking whether
/// a simple transformation of the student's values matches the reference everywhere it was compared.
/// </summary>
internal static class MistakeHints
{
    public static string? Explain(Matrix student, Matrix reference, Tolerance tolerance) => Explain([student], [reference], tolerance);

    public static string? Explain(IReadOnlyList<Matrix> students, IReadOnlyList<Matrix> references, Tolerance tolerance)
    {
        if (references.All(reference => reference.Values.ToArray().All(value => Math.Abs(value) <= tolerance.Absolute)))
        {
            return null;
        }
        if (Closeness.AllClose(students, references, tolerance, s => s.Negate()))
        {
            return "It has the opposite sign of the expected answer.";
        }
        if (Closeness.AllClose(students, references, tolerance, s => s.Scale(0.5)))
        {
            return "It is twice the expected answer: check for an extra factor of 2.";
        }
        if (Closeness.AllClose(students, references, tolerance, s => s.Scale(2)))
        {
            return "It is half the expected answer: check for a missing factor of 2.";
        }
        if (references[0].Rows > 1 && references[0].Columns > 1
            && Closeness.AllClose(students, references, tolerance, s => s.Transpose()))
        {
            return "It is the transpose of the expected matrix.";
        }
        return null;
    }
}
