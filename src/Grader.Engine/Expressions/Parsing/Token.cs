namespace Grader.Engine.Expressions.Parsing;

/// <summary>One token: its kind, the text as the student typed it, its 1-based position and, for numbers, the value.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Number = 0)
{
    /// <summary>How an error message names this token.</summary>
    public string Describe() => Kind == TokenKind.End ? "end of expression" : $"'{Text}'";
}
