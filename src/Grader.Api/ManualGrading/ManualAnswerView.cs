using Grader.Data.Manual;

namespace Grader.Api.ManualGrading;

/// <summary>One manual part of a submission as staff grade it: the student's answer, the score now and how it was reached.</summary>
public sealed record ManualAnswerView(
    Guid SubmissionId,
    string Assignment,
    string ProblemId,
    string StudentId,
    DateTimeOffset SubmittedAt,
    string PartId,
    string? Answer,
    bool Graded,
    double Score,
    double MaxScore,
    double Step,
    ManualGradeView? Grade,
    IReadOnlyList<RubricItemView>? Rubric)
{
    public static ManualAnswerView From(ManualAnswer answer, double step, IReadOnlyList<RubricItemView>? rubric = null) => new(
        answer.SubmissionId, answer.Assignment, answer.ProblemId, answer.StudentId, answer.SubmittedAt, answer.PartId, answer.Answer,
        answer.Status != "manual", answer.Score, answer.MaxScore, step,
        answer.Grade is { } g
            ? new ManualGradeView(g.Points, g.RubricItemIds, g.Adjustment, g.Comment, g.GradedByKey, g.GradedByName, g.GradedAt, g.ResultId)
            : null,
        rubric);
}

/// <summary>A page of a manual part's answers in grading order; <c>NextCursor</c> is null on the last page.</summary>
public sealed record ManualAnswersPageView(IReadOnlyList<ManualAnswerView> Items, string? NextCursor);

/// <summary>Who graded a manual part, when, and with which items, adjustment and comment; the result revision it wrote.</summary>
public sealed record ManualGradeView(
    double Points, IReadOnlyList<Guid> RubricItemIds, double? Adjustment, string Comment, Guid GradedByKeyId, string GradedByName,
    DateTimeOffset GradedAt, Guid ResultId);

/// <summary>A manual part of an assignment with how many answers wait and how many are graded.</summary>
public sealed record ManualPartCountView(string ProblemId, string PartId, double Points, long Ungraded, long Graded);

/// <summary>A rubric item of a manual part.</summary>
public sealed record RubricItemView(Guid Id, string Label, double Points, string Description, int Position, bool FromFile)
{
    public static RubricItemView From(StoredRubricItem item) =>
        new(item.Id, item.Label, item.Points, item.Description, item.Position, item.FromFile);
}

/// <summary>A changed or deleted rubric item, and how many grades were re-scored (each a new result revision).</summary>
public sealed record RubricChangeView(RubricItemView? Item, int Rescored);
