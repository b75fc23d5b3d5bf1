using System.Diagnostics;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Expressions;

public class ExpressionLimitTests
{
    [Fact]
    public void Too_long_answer_is_rejected_with_its_length()
    {
        Assert.False(ExpressionParser.TryParse(new string('1', 2345), out _, out var error));

        Assert.Equal("expression is too long (2345 characters, at most 2000)", error.ToString());
    }

    [Fact]
    public void Answer_of_the_maximum_length_is_accepted()
    {
        var text = "x" + string.Concat(Enumerable.Repeat(" + x", 499)) + new string(' ', 3);

        Assert.Equal(2000, text.Length);
        Assert.Equal(250, ExpressionParser.Parse(text, ["x"]).Evaluate(Point(0.5)).ScalarValue);
    }

    [Theory]
    [InlineData('(')]
    [InlineData('-')]
    [InlineData('σ')]
    public void Hundred_thousand_openings_fail_fast(char opening)
    {
        var watch = Stopwatch.StartNew();

        Assert.False(ExpressionParser.TryParse(new string(opening, 100_000) + "x", ["x"], out _, out var error));

        Assert.StartsWith("expression is too long (100001 characters", error.Message);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("(", ")", "expression nests too deeply at 65")]
    [InlineData("-", "", "expression nests too deeply at 65")]
    [InlineData("exp(", ")", "expression nests too deeply at 260")]
    [InlineData("2^", "", "expression nests too deeply at 130")]
    [InlineData("-(", ")", "expression nests too deeply at 65")]
    public void Deep_nesting_is_rejected_where_it_passes_the_limit(string opening, string closing, string expected)
    {
        var text = string.Concat(Enumerable.Repeat(opening, 300)) + "x" + string.Concat(Enumerable.Repeat(closing, 300));

        Assert.False(ExpressionParser.TryParse(text, ["x"], out _, out var error));

        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        var text = new string('(', 64) + "x" + new string(')', 64);

        Assert.Equal(0.5, ExpressionParser.Parse(text, ["x"]).Evaluate(Point(0.5)).ScalarValue);
    }

    [Fact]
    public void Too_many_tokens_are_rejected()
    {
        var text = "x" + string.Concat(Enumerable.Repeat("+x", 600));

        Assert.False(ExpressionParser.TryParse(text, ["x"], out _, out var error));

        Assert.Equal("expression has too many tokens (more than 1000)", error.ToString());
    }

    [Fact]
    public void Long_flat_chains_evaluate_without_deep_recursion_trouble()
    {
        var text = "x" + string.Concat(Enumerable.Repeat("*x", 497)) + "'''";

        var parsed = ExpressionParser.Parse(text, ["x"]);

        Assert.Equal(1, parsed.Evaluate(Point(1)).ScalarValue);
        Assert.Equal(parsed.ToString(), ExpressionParser.Parse(parsed.ToString(), ["x"]).ToString());
    }

    private static Dictionary<string, Matrix> Point(double x) => new() { ["x"] = Matrix.Scalar(x) };
}
