using System.Diagnostics;
using Grader.Engine.Expressions;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Expressions;

public class LatexTests
{
    public static TheoryData<string, string> CanonicalCases => ExpressionCases.Load("latex-canonical-cases.txt");

    public static TheoryData<string, string> EvaluationCases => ExpressionCases.Load("latex-evaluation-cases.txt");

    public static TheoryData<string, string> ErrorCases => ExpressionCases.Load("latex-error-cases.txt");

    [Theory]
    [MemberData(nameof(CanonicalCases))]
    public void Latex_answer_reads_as_the_plain_syntax(string latex, string expected)
    {
        Assert.Equal(expected, ExpressionParser.Parse(latex, ExpressionCases.Variables.Keys).ToString());
    }

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Unreadable_latex_is_refused_with_its_position(string latex, string expected)
    {
        Assert.Equal(expected, FirstError(latex)?.ToString());
    }

    [Theory]
    [MemberData(nameof(EvaluationCases))]
    public void Latex_answer_evaluates_to_the_expected_value(string latex, string expected)
    {
        var value = ExpressionParser.Parse(latex, ExpressionCases.Variables.Keys).Evaluate(ExpressionCases.Variables);

        ExpressionCases.AssertClose(ExpressionCases.ParseExpected(expected), value);
    }

    [Fact]
    public void Plain_answer_without_latex_is_read_exactly_as_before()
    {
        Assert.False(LatexReader.Applies("σ(z)·(1 − σ(z)) + |x| - A'*c"));
        Assert.True(LatexReader.Applies("{x}"));
    }

    [Theory]
    [InlineData("{", "}", "expression nests too deeply at 65")]
    [InlineData(@"\frac{", "}{2}", "expression nests too deeply at 390")]
    [InlineData(@"\left(", @"\right)", "expression nests too deeply at 390")]
    [InlineData(@"\sqrt{", "}", "expression nests too deeply at 390")]
    public void Deep_latex_nesting_is_rejected_where_it_passes_the_limit(string opening, string closing, string expected)
    {
        var text = string.Concat(Enumerable.Repeat(opening, 100)) + "x" + string.Concat(Enumerable.Repeat(closing, 100));

        Assert.False(ExpressionParser.TryParse(text, ["x"], out _, out var error));

        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void Longest_latex_answer_is_read_quickly()
    {
        var text = string.Concat(Enumerable.Repeat(@"\frac{x}{\left(1 + e^{-x}\right)} + ", 45)) + "x";
        var watch = Stopwatch.StartNew();

        var value = ExpressionParser.Parse(text, ["x"]).Evaluate(new Dictionary<string, Matrix> { ["x"] = Matrix.Scalar(0) });

        Assert.True(text.Length <= ExpressionLimits.MaxLength, $"{text.Length} characters");
        Assert.Equal(0, value.ScalarValue);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"took {watch.ElapsedMilliseconds} ms");
    }

    private static readonly string[] _pieces =
    [
        @"\frac", @"\frac{", @"\dfrac", "{", "}", @"\sigma", @"\left(", @"\right)", @"\left", @"\right", @"\cdot", "^{", "^",
        "_{", "_", @"\top", "$", "$$", @"\(", @"\)", @"\sqrt[", @"\sqrt", "]", "[", @"\mathbb{1}", @"\mathrm{", @"\{", @"\}",
        @"\", @"\foo", @"\,", @"\tanh^{2}", @"\exp", @"\pi", @"\beta", "x", "z", "A", "b", "2", "T", "+", "-", "(", ")", "'",
        " ", "<", "|", @"\left.", @"\intercal", @"\|", "‖", "||", @"\lVert", "_2", "^{(1)}", "^{(1)T}", "⁽", "⁾", @"\log x", "w_1",
    ];

    [Fact]
    public void Random_latex_never_throws_anything_but_a_reported_error()
    {
        RandomAnswers.AssertOnlyReportedErrors(_pieces, seed: 4321);
    }

    private static ExpressionError? FirstError(string expression)
    {
        if (!ExpressionParser.TryParse(expression, ExpressionCases.Variables.Keys, out var parsed, out var error))
        {
            return error;
        }
        return parsed.TryEvaluate(ExpressionCases.Variables, out Matrix? _, out error) ? null : error;
    }
}
