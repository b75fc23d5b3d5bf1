using Grader.Grading.Model;

namespace Grader.Api.Problems;

/// <summary>A problem as the catalog shows it: parts, kinds and points, never the reference answers.</summary>
public sealed record ProblemView(
    string Id, string Title, string Course, string Source, string Version, double MaxScore, IReadOnlyList<PartView> Parts)
{
    public static ProblemView From(Problem problem) => new(
        problem.Id,
        problem.Title,
        problem.Course,
        problem.Source,
        problem.Version,
        problem.MaxScore,
        problem.Parts.Select(part => new PartView(
            part.Id, part.Kind.ToString().ToLowerInvariant(), part.Points, part.Prompt, part.IsManual)).ToList());
}

/// <summary>One part of a <see cref="ProblemView"/>.</summary>
public sealed record PartView(string Id, string Kind, double Points, string Prompt, bool Manual);
