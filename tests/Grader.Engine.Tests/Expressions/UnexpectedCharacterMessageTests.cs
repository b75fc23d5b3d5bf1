using Grader.Engine.Expressions.Parsing;

namespace Grader.Engine.Tests.Expressions;

/// <summary>
/// The parse error names the whole character it stopped at. It used to quote one UTF-16 unit, so a character outside
/// the basic plane ("𝟙", "😀") became half a surrogate pair: a message PostgreSQL's jsonb cannot store and a reader
/// cannot show (found by AnswerReaderFuzzTests).
/// </summary>
public sealed class UnexpectedCharacterMessageTests
{
    [Theory]
    [InlineData("x + 𝟙", "unexpected character '𝟙'", 5)]
    [InlineData("😀x", "unexpected character '😀'", 1)]
    [InlineData("x\u0007", "unexpected character U+0007", 2)]
    [InlineData("x = 1", "unexpected character '='", 3)]
    public void Unexpected_character_is_quoted_whole_or_named_by_its_code(string text, string message, int position)
    {
        Assert.False(ExpressionParser.TryParse(text, ["x"], out _, out var error));
        Assert.Equal(message, error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void An_unknown_latex_control_symbol_outside_the_basic_plane_is_quoted_whole()
    {
        Assert.False(ExpressionParser.TryParse(@"x \😀", ["x"], out _, out var error));
        Assert.Equal(@"unknown LaTeX command '\😀'", error.Message);
    }

    [Fact]
    public void A_lone_surrogate_is_named_by_its_code()
    {
        // Built here, not in InlineData: xunit's serialisation of theory data replaces a lone surrogate with U+FFFD.
        var text = "x" + (char)0xD800;
        Assert.False(ExpressionParser.TryParse(text, ["x"], out _, out var error));
        Assert.Equal("unexpected character U+D800", error.Message);
    }
}
