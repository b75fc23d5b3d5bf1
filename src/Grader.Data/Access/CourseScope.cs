namespace Grader.Data.Access;

/// <summary>
/// The courses a caller may see: every course (an admin key) or the key's own. Every read of course data takes one, so
/// another course's rows are absent to the caller, not merely refused.
/// </summary>
public sealed class CourseScope
{
    private CourseScope(IReadOnlySet<string>? courses) => Courses = courses;

    public static CourseScope All { get; } = new(null);

    /// <summary>No course: a request without a key (the signed webhook) sees no course data.</summary>
    public static CourseScope None { get; } = new(new HashSet<string>(StringComparer.Ordinal));

    /// <summary>Null: every course.</summary>
    public IReadOnlySet<string>? Courses { get; }

    public bool IsAll => Courses is null;

    public static CourseScope Of(IEnumerable<string> courses) => new(courses.ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether the scope covers <paramref name="course"/>; data of no course (a regrade across courses) is for <see cref="All"/> only.</summary>
    public bool Includes(string? course) => Courses is null || (course is not null && Courses.Contains(course));
}
