using System.Globalization;

namespace Grader.Api.Pages.Grading;

/// <summary>The addresses of the grading pages, each route value escaped.</summary>
public static class GradingLinks
{
    public static string Parts(string course, string assignment) =>
        $"/courses/{E(course)}/assignments/{E(assignment)}/grading";

    public static string Queue(string course, string assignment, string problemId, string partId) =>
        $"{Parts(course, assignment)}/{E(problemId)}/{E(partId)}";

    public static string Answer(string course, string assignment, string problemId, string partId, Guid submission) =>
        $"{Queue(course, assignment, problemId, partId)}?submission={submission}";

    public static string Answers(string course, string assignment, string problemId, string partId) =>
        $"{Queue(course, assignment, problemId, partId)}/answers";

    /// <summary>The confirmation page of deleting a rubric item, coming back to <paramref name="submission"/>'s answer if given.</summary>
    public static string DeleteItem(string course, string assignment, string problemId, string partId, Guid itemId, Guid? submission) =>
        $"{Queue(course, assignment, problemId, partId)}/rubric/{itemId}/delete{(submission is { } id ? $"?submission={id}" : "")}";

    /// <summary>Points as staff read them: at most three decimals, invariant.</summary>
    public static string Points(double points) => points.ToString("0.###", CultureInfo.InvariantCulture);

    private static string E(string value) => Uri.EscapeDataString(value);
}
