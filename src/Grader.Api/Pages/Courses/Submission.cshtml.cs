using System.Text.Json;
using Grader.Api.ManualGrading;
using Grader.Api.Pages.Grading;
using Grader.Api.Submissions;
using Grader.Data.Access;
using Grader.Data.Entities;
using Grader.Data.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages.Courses;

/// <summary>One submission: every part's answer, status, score and feedback, and every revision of its grade.</summary>
public sealed class SubmissionModel(SubmissionStore submissions, CourseScope scope, ManualParts manualParts) : PageModel
{
    [FromRoute] public string Course { get; set; } = "";
    [FromRoute] public Guid Id { get; set; }

    public Submission Submission { get; private set; } = null!;
    public IReadOnlyList<PartResultView> Parts { get; private set; } = [];
    public IReadOnlyList<ResultRevisionView> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Another course's submission, even one the key may see, is not at this course's address.
        if (await submissions.FindAsync(Id, scope, cancellationToken) is not { } submission || submission.Course != Course
            || await submissions.ResultHistoryAsync(Id, scope, cancellationToken) is not { } history)
        {
            return NotFound();
        }

        Submission = submission;
        Parts = submission.CurrentResult is { } current ? PartResultView.From(current.Parts) : [];
        Revisions = history.Results.Select(r => ResultRevisionView.From(r, r.Id == history.CurrentResultId)).Reverse().ToList();
        return Page();
    }

    /// <summary>
    /// Where staff grade this submission's answer to a manual part (the queue, opened at this submission); null for a part
    /// the grader scores. Grades belong to one submission, so a resubmission's manual parts show here as not graded yet.
    /// </summary>
    public string? GradeLink(string partId) => manualParts.Find(Submission.ProblemId, partId) is null
        ? null
        : GradingLinks.Answer(Submission.Course, Submission.Assignment, Submission.ProblemId, partId, Submission.Id);

    /// <summary>A manual part staff have not graded yet: the grader reports it <c>manual</c>, outside score and maximum.</summary>
    public static bool AwaitsStaff(PartResultView part) => part.Status == "manual";

    /// <summary>The student's answer to a part as sent (a string as is, anything else as JSON); null when absent.</summary>
    public string? Answer(string partId)
    {
        using var answers = JsonDocument.Parse(Submission.Answers);
        var root = answers.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // "2c.b" may be sent flat or nested as {"2c": {"b": …}}.
        var found = root.TryGetProperty(partId, out var value) || TryNested(root, partId.Split('.'), out value);
        return !found ? null : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    public string AnswersJson()
    {
        using var answers = JsonDocument.Parse(Submission.Answers);
        return JsonSerializer.Serialize(answers.RootElement, Indented);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static bool TryNested(JsonElement element, string[] path, out JsonElement value)
    {
        value = element;
        foreach (var name in path)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
            {
                return false;
            }
        }

        return path.Length > 1;
    }
}
