using Grader.Grading.Model;

namespace Grader.Grading.Loading;

/// <summary>
/// What <c>grader check</c> learns from one problem file: the problem when it loads, every error (not just the first) and
/// the warnings about references that load but may not mean what the author meant (a kink, a tie).
/// </summary>
public sealed record ProblemCheck(string File, Problem? Problem, IReadOnlyList<ProblemFileException> Errors, IReadOnlyList<string> Warnings)
{
    public bool Loaded => Problem is not null;
}
