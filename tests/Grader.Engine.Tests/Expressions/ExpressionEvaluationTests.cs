using Grader.Engine.Expressions.Parsing;

namespace Grader.Engine.Tests.Expressions;

public class ExpressionEvaluationTests
{
    public static TheoryData<string, string> Cases => ExpressionCases.Load("expression-evaluation-cases.txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expression_evaluates_to_the_expected_value(string expression, string expected)
    {
        var parsed = ExpressionParser.Parse(expression, ExpressionCases.Variables.Keys);

        var value = parsed.Evaluate(ExpressionCases.Variables);

        ExpressionCases.AssertClose(ExpressionCases.ParseExpected(expected), value);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Canonical_form_parses_back_to_the_same_form_and_value(string expression, string expected)
    {
        var parsed = ExpressionParser.Parse(expression, ExpressionCases.Variables.Keys);

        var reparsed = ExpressionParser.Parse(parsed.ToString(), ExpressionCases.Variables.Keys);

        Assert.Equal(parsed.ToString(), reparsed.ToString());
        ExpressionCases.AssertClose(ExpressionCases.ParseExpected(expected), reparsed.Evaluate(ExpressionCases.Variables));
    }

    [Fact]
    public void Parsing_once_allows_evaluating_at_many_points()
    {
        var parsed = ExpressionParser.Parse("sigmoid(z)*(1 - sigmoid(z))", ["z"]);

        for (var z = -3.0; z <= 3; z += 0.5)
        {
            var sigma = 1 / (1 + Math.Exp(-z));
            var value = parsed.Evaluate(new Dictionary<string, Linear.Matrix> { ["z"] = Linear.Matrix.Scalar(z) });
            Assert.Equal(sigma * (1 - sigma), value.ScalarValue, 12);
        }
    }
}
