using Grader.Data.Access;
using Grader.Grading.Model;
using Microsoft.Extensions.Options;

namespace Grader.Api.Problems;

/// <summary>
/// The <c>Catalog</c> section: which problems each course sees, <c>Catalog:Courses:&lt;course&gt;</c> = a list of problem
/// ids (<c>Catalog__Courses__cs189__0=cs189-dis4</c>). With no course listed, every key sees every problem, as before.
/// </summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    public Dictionary<string, List<string>> Courses { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Whether a caller's courses see a problem: an admin key sees all; another key, the problems of its courses.</summary>
public sealed class ProblemVisibility(IOptionsMonitor<CatalogOptions> options)
{
    public bool Sees(CourseScope scope, Problem problem)
    {
        var courses = options.CurrentValue.Courses;
        return scope.IsAll || courses.Count == 0
            || scope.Courses!.Any(course => courses.TryGetValue(course, out var ids) && ids.Contains(problem.Id, StringComparer.Ordinal));
    }
}
