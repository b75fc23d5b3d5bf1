using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Expressions;

public class ExpressionNameTests
{
    [Fact]
    public void Variables_lists_the_names_used_but_not_constants()
    {
        var parsed = ExpressionParser.Parse("b'*sigmoid(A*x) + e + pi + π + b", ["A", "b", "x"]);

        Assert.Equal(["A", "b", "x"], parsed.Variables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Declared_e_is_a_variable_not_the_constant()
    {
        var parsed = ExpressionParser.Parse("2e", ["e"]);

        Assert.IsType<VariableExpression>(((BinaryExpression)parsed).Right);
        Assert.Equal(6, parsed.Evaluate(new Dictionary<string, Matrix> { ["e"] = Matrix.Scalar(3) }).ScalarValue);
    }

    [Fact]
    public void Caret_T_is_a_power_when_T_is_declared()
    {
        var variables = new Dictionary<string, Matrix> { ["x"] = Matrix.Scalar(2), ["T"] = Matrix.Scalar(3) };

        var parsed = ExpressionParser.Parse("x^T", variables.Keys);

        Assert.Equal(8, parsed.Evaluate(variables).ScalarValue);
    }

    [Fact]
    public void Caret_T_is_a_transpose_when_T_is_not_declared()
    {
        Assert.IsType<TransposeExpression>(ExpressionParser.Parse("A^T", ["A"]));
    }

    [Fact]
    public void Declared_variable_with_a_function_name_is_a_variable()
    {
        var variables = new Dictionary<string, Matrix> { ["step"] = Matrix.Scalar(0.1), ["x"] = Matrix.Scalar(2) };

        var parsed = ExpressionParser.Parse("step(x + 1)", variables.Keys);

        Assert.Equal(0.3, parsed.Evaluate(variables).ScalarValue, 12);
    }

    [Fact]
    public void Parsing_without_declarations_accepts_any_name_as_a_variable()
    {
        var parsed = ExpressionParser.Parse("eta * grad");

        Assert.Equal(["eta", "grad"], parsed.Variables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Greek_letters_other_than_sigma_and_pi_are_names()
    {
        var variables = new Dictionary<string, Matrix> { ["η"] = Matrix.Scalar(0.1), ["w"] = Matrix.Scalar(2) };

        var parsed = ExpressionParser.Parse("w - η·2", variables.Keys);

        Assert.Equal(1.8, parsed.Evaluate(variables).ScalarValue, 12);
    }

    [Fact]
    public void Subscript_digits_name_the_same_variable_as_ascii_digits()
    {
        var variables = new Dictionary<string, Matrix> { ["w1"] = Matrix.Scalar(0.01), ["x"] = Matrix.Scalar(3) };

        var parsed = ExpressionParser.Parse("w₁·x", variables.Keys);

        Assert.Equal(["w1", "x"], parsed.Variables.Order(StringComparer.Ordinal));
        Assert.Equal(0.03, parsed.Evaluate(variables).ScalarValue, 12);
    }
}
