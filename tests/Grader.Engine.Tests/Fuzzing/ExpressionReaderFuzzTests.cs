using System.Diagnostics;
using CsCheck;
using Grader.Engine.Expressions.Parsing;

namespace Grader.Engine.Tests.Fuzzing;

/// <summary>
/// Random token streams and random LaTeX against the expression reader: every input parses or gives a positioned
/// parse error, never another exception, and within a bounded time.
/// </summary>
public sealed class ExpressionReaderFuzzTests
{
    public const int Cases = 20_000;
    private static readonly TimeSpan PerAnswer = TimeSpan.FromSeconds(1);

    private static readonly string[] Tokens =
    [
        "x", "y", "w", "A", "e", "pi", "η", "sigma", "1", "0", "2.5", "1e308", "1e-400", "9999999999999999999", "+", "-", "*",
        "/", "^", "^T", "(", ")", "[", "]", "{", "}", "|", "||", ",", ";", " ", "!", "'", ".", "=", "<", "sum", "exp", "log",
        "sqrt", "max", "softmax", "sin", "∑", "·", "×", "√", "\u0000", "\ud800", "%",
    ];

    private static readonly string[] Latex =
    [
        "\\frac", "\\sqrt", "\\sum_", "\\prod", "\\left(", "\\right)", "\\left|", "\\right|", "\\cdot", "\\times", "\\exp",
        "\\log", "\\sigma", "\\eta", "\\begin{cases}", "\\end{cases}", "\\begin{pmatrix}", "\\end{pmatrix}", "&", "\\\\", "{",
        "}", "_", "^", "x", "1", "i=1", "n", "\\mathbf{w}", "\\top", "\\operatorname{max}", "\\text{if }", "\\", "$",
    ];

    [Fact]
    public void Random_token_streams_parse_or_give_a_positioned_error() =>
        Gen.OneOf<string>(Tokens).Array[0, 40].Select(parts => string.Concat(parts)).Sample(ParsesOrFailsCleanly, iter: Cases);

    [Fact]
    public void Random_latex_parses_or_gives_a_positioned_error() =>
        Gen.OneOf<string>(Latex).Array[0, 40].Select(parts => string.Concat(parts)).Sample(ParsesOrFailsCleanly, iter: Cases);

    [Fact]
    public void Random_characters_parse_or_give_a_positioned_error() =>
        Gen.String[0, 60].Sample(ParsesOrFailsCleanly, iter: Cases);

    private static void ParsesOrFailsCleanly(string text)
    {
        var clock = Stopwatch.StartNew();
        if (!ExpressionParser.TryParse(text, ["x", "y", "w", "A"], out _, out var error))
        {
            Assert.InRange(error.Position, 0, text.Length + 1);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }

        Assert.True(clock.Elapsed < PerAnswer, $"{clock.Elapsed.TotalMilliseconds:F0} ms for {text}");
    }
}
