namespace Grader.Data.Queries;

/// <summary>
/// The order of a gradebook's students over the whole assignment: by student id (the default), by the total, or by one
/// problem's counted score (a student without one sorts below every score); ties by student id, in the same direction.
/// </summary>
public sealed record GradebookOrder(string Column, bool Descending)
{
    public const string Student = "student";
    public const string Total = "total";

    public static readonly GradebookOrder ByStudent = new(Student, false);

    public bool IsByStudent => Column == Student && !Descending;
}

/// <summary>
/// Where a page sorted by <see cref="GradebookOrder"/> ended: the last student's sort value (a numeric's text, exactly as
/// SQL compared it; null when sorting by student id) and the student. The next page starts after it.
/// </summary>
public sealed record GradebookPosition(string? Value, string Student);
