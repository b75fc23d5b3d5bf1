using Grader.Engine.Linear;
using Grader.Grading.Model;

namespace Grader.Grading.Judging;

/// <summary>A named slip: the misconception tag instructors count and the hint a student reads.</summary>
public sealed record Mistake(string Tag, string Message);

/// <summary>
/// Names the common slips of a wrong answer — a flipped sign, a factor of 2, a transposed matrix — by checking whether
/// a simple transformation of the student's values matches the reference everywhere it was compared. A slip is named only
/// when at least <see cref="Evidence"/> non-zero reference values agree with it: one value that happens to be half the
/// reference (0.5 against 1) is a coincidence as often as a missing factor of 2, and the hint would mislead.
/// </summary>
internal static class MistakeHints
{
    public const int Evidence = 2;

    public static Mistake? Find(Matrix student, Matrix reference, Tolerance tolerance) => Find([student], [reference], tolerance);

    /// <summary>
    /// What one number alone may say: its size matching the reference's with the other sign is stated as a fact, without a
    /// cause or a tag (a single value may match by coincidence); a factor of 2 is not stated at all.
    /// </summary>
    public static string? Observe(Matrix student, Matrix reference, Tolerance tolerance) =>
        reference.IsScalar && Math.Abs(reference.ScalarValue) > tolerance.Absolute
            && Closeness.FirstMismatch(student.Negate(), reference, tolerance) < 0
            ? "Its size matches the expected answer, its sign does not."
            : null;

    public static Mistake? Find(IReadOnlyList<Matrix> students, IReadOnlyList<Matrix> references, Tolerance tolerance)
    {
        var evidence = 0;
        foreach (var reference in references)
        {
            foreach (var value in reference.Values)
            {
                evidence += Math.Abs(value) > tolerance.Absolute ? 1 : 0;
            }
        }
        if (evidence < Evidence)
        {
            return null;
        }
        if (Closeness.AllClose(students, references, tolerance, s => s.Negate()))
        {
            return new Mistake("sign", "It has the opposite sign of the expected answer.");
        }
        if (Closeness.AllClose(students, references, tolerance, s => s.Scale(0.5)))
        {
            return new Mistake("factor2", "It is twice the expected answer: check for an extra factor of 2.");
        }
        if (Closeness.AllClose(students, references, tolerance, s => s.Scale(2)))
        {
            return new Mistake("half", "It is half the expected answer: check for a missing factor of 2.");
        }
        if (references[0].Rows > 1 && references[0].Columns > 1
            && Closeness.AllClose(students, references, tolerance, s => s.Transpose()))
        {
            return new Mistake("transpose", "It is the transpose of the expected matrix.");
        }
        return null;
    }
}
