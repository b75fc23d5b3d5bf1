namespace Grader.Grading.Model;

/// <summary>One rubric line of a manual part as the problem file defines it: staff tick it, its points add up.</summary>
public sealed record RubricItem(string Label, double Points, string Description);
