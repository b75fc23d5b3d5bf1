using Grader.Data.Sql;
namespace Grader.Data.Manual;

/// <summary>How many answers to one manual part of an assignment wait for staff, and how many are graded.</summary>
public sealed record ManualPartCount(string ProblemId, string PartId, long Ungraded, long Graded);

/// <summary>Which answers of a manual part to list.</summary>
public enum ManualAnswerState
{
    Ungraded,
    Graded,
    All,
}

/// <summary>One submission's answer to a manual part, with its current score and, once graded, how the grade was reached.</summary>
public sealed record ManualAnswer(
    Guid SubmissionId,
    string Course,
    string Assignment,
    string ProblemId,
    string StudentId,
    DateTimeOffset SubmittedAt,
    string PartId,
    string? Answer,
    string Status,
    double Score,
    double MaxScore,
    ManualGrade? Grade);

/// <summary>The latest manual grade of a submission's part.</summary>
public sealed record ManualGrade(
    double Points,
    double MaxPoints,
    IReadOnlyList<Guid> RubricItemIds,
    double? Adjustment,
    string Comment,
    Guid GradedByKey,
    string GradedByName,
    DateTimeOffset GradedAt,
    Guid ResultId);

/// <summary>What staff give a part: points (already computed from rubric items when items are applied) and how.</summary>
public sealed record ManualGradeInput(
    Guid SubmissionId,
    string PartId,
    double Points,
    IReadOnlyList<Guid> RubricItemIds,
    double? Adjustment,
    string Comment,
    Guid GradedByKey);

/// <summary>One stored rubric item of a manual part.</summary>
public sealed record StoredRubricItem(
    Guid Id, string Course, string ProblemId, string PartId, string Label, double Points, string Description, int Position, bool FromFile);

/// <summary>A rubric item as the problem file defines it, seeded into <c>rubric_items</c> once per course.</summary>
public sealed record FileRubricItem(string Label, double Points, string Description);

/// <summary>The outcome of changing or deleting a rubric item: the item (null when deleted) and how many grades changed.</summary>
public sealed record RubricChange(StoredRubricItem? Item, int Rescored);
