namespace Grader.Engine.Expressions.Parsing;

/// <summary>
/// The kinds of token in an answer; other spellings map onto these (− is Minus, · and @ are Star, ⊙ is DotStar, ./ is Slash,
/// ** is Caret, ᵀ and .T are Transpose, ‖ is DoubleBar).
/// </summary>
internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,

    /// <summary><c>*</c> in an answer written in numpy (it uses np. or @).</summary>
    NumpyStar,
    DotStar,
    Slash,
    Caret,
    Transpose,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Bar,
    DoubleBar,
    Comma,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    End,
}
