namespace Grader.Engine.Expressions.Parsing;

/// <summary>The kinds of token in an answer; Unicode spellings map onto these (− is Minus, · is Star, ⊙ is DotStar, ᵀ is Transpose).</summary>
internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    DotStar,
    Slash,
    Caret,
    Transpose,
    LeftParen,
    RightParen,
    Comma,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    End,
}
