using Grader.Engine.Expressions;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Expressions;

public class ExpressionErrorTests
{
    public static TheoryData<string, string> Cases => ExpressionCases.Load("expression-error-cases.txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_answer_is_reported_with_its_position(string expression, string expected)
    {
        Assert.Equal(expected, FirstError(expression)?.ToString());
    }

    [Fact]
    public void Unknown_variable_is_reported_with_its_position_when_evaluating_without_declarations()
    {
        var parsed = ExpressionParser.Parse("x + 3*zeta");

        Assert.False(parsed.TryEvaluate(ExpressionCases.Variables, out var value, out var error));

        Assert.Null(value);
        Assert.Equal(new ExpressionError("unknown variable 'zeta'", 7), error);
    }

    [Fact]
    public void Throwing_evaluate_carries_the_error()
    {
        var parsed = ExpressionParser.Parse("A*b", ExpressionCases.Variables.Keys);

        var exception = Assert.Throws<ExpressionException>(() => parsed.Evaluate(ExpressionCases.Variables));

        Assert.Equal("cannot multiply 3×2 by 3×1 at 2", exception.Message);
        Assert.Equal(2, exception.Error.Position);
    }

    [Fact]
    public void Throwing_parse_carries_the_error()
    {
        var exception = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse("(x"));

        Assert.Equal(new ExpressionError("expected ')' to close '('", 1), exception.Error);
    }

    [Fact]
    public void Function_names_without_declarations_before_a_parenthesis_are_unknown_functions()
    {
        Assert.False(ExpressionParser.TryParse("x(1 - x)", out _, out var error));

        Assert.Equal("unknown function 'x' at 1", error.ToString());
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
