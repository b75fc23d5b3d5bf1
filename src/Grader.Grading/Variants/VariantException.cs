namespace Grader.Grading.Variants;

/// <summary>A variant that cannot be handed out: its constraints cannot be met, or an override is not one a draw allows.</summary>
public sealed class VariantException(string message) : Exception(message);
