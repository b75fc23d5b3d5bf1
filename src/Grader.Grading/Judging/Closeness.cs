using Grader.Engine.Linear;
using Grader.Grading.Model;

namespace Grader.Grading.Judging;

/// <summary>Element-wise tolerance comparison of a student's matrix with the reference.</summary>
internal static class Closeness
{
    /// <summary>The index of the first element outside the tolerance, or −1 when every element is within it.</summary>
    public static int FirstMismatch(Matrix student, Matrix reference, Tolerance tolerance)
    {
        for (var i = 0; i < reference.Count; i++)
        {
            if (!tolerance.Accepts(student[i], reference[i]))
            {
                return i;
            }
        }
        return -1;
    }

    public static bool AllClose(IReadOnlyList<Matrix> students, IReadOnlyList<Matrix> references, Tolerance tolerance, Func<Matrix, Matrix> transform)
    {
        for (var k = 0; k < references.Count; k++)
        {
            if (students[k].Shape != references[k].Shape && transform(students[k]).Shape != references[k].Shape)
            {
                return false;
            }
            if (FirstMismatch(transform(students[k]), references[k], tolerance) >= 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Describes element i of a shape the way a student reads it: "element 3" or "row 2, column 1".</summary>
    public static string Where(Shape shape, int index) => shape.Columns == 1 || shape.Rows == 1
        ? $"element {index + 1}"
        : $"row {index / shape.Columns + 1}, column {index % shape.Columns + 1}";
}
