using Grader.Grading.Model;

namespace Grader.Grading.Variants;

/// <summary>
/// The variants a service hands out: each student's, seeded by the service's salt and the ids (the course id is in the
/// seed, so one secret salt gives every course its own draws), built once and kept in a bounded cache. API and worker
/// share the salt, so the numbers a student is shown are the numbers they are graded against, in every regrade.
/// </summary>
public sealed class StudentVariants(string salt, int capacity = 1024)
{
    private readonly VariantCache _cache = new(capacity);

    /// <summary>The student's variant of <paramref name="problem"/> (the problem itself when it declares no parameters).</summary>
    /// <exception cref="VariantException">The seed's constraints cannot be met (check would have failed the file).</exception>
    public Problem For(Problem problem, string course, string assignment, string student) =>
        _cache.ForStudent(problem, salt, new VariantKey(course, assignment, student));

    /// <summary>An instructor's override of one student's variant (the problem itself when it declares no parameters).</summary>
    /// <exception cref="VariantException">A value is not one of its parameter's, or the values break a constraint.</exception>
    public Problem For(Problem problem, VariantOverride choice) => _cache.For(problem, choice);
}
