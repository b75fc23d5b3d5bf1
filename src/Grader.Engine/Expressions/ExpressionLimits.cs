namespace Grader.Engine.Expressions;

/// <summary>Bounds that keep any answer from hanging the grader or overflowing the stack.</summary>
public static class ExpressionLimits
{
    public const int MaxLength = 2000;

    /// <summary>Parentheses, function calls, unary signs and the right side of <c>^</c> each add one level.</summary>
    public const int MaxDepth = 64;

    public const int MaxTokens = 1000;
}
