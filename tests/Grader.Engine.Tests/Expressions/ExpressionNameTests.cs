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

    [Theory]
    [InlineData("0.01 - 2.0809*η", 0.01 - 2.0809 * 0.5)]
    [InlineData("0.01 - 2.0809η", 0.01 - 2.0809 * 0.5)]
    [InlineData("w - ηw", 2 - 0.5 * 2)]
    [InlineData("w - η w", 2 - 0.5 * 2)]
    public void Greek_letter_stands_for_its_declared_spelled_out_name(string answer, double expected)
    {
        var variables = new Dictionary<string, Matrix> { ["eta"] = Matrix.Scalar(0.5), ["w"] = Matrix.Scalar(2) };

        var parsed = ExpressionParser.Parse(answer, variables.Keys);

        Assert.Contains("eta", parsed.Variables);
        Assert.DoesNotContain("η", parsed.Variables);
        Assert.Equal(expected, parsed.Evaluate(variables).ScalarValue, 12);
    }

    [Fact]
    public void Declared_greek_letter_is_used_as_written()
    {
        var parsed = ExpressionParser.Parse("η + eta", ["η", "eta"]);

        Assert.Equal(["eta", "η"], parsed.Variables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Spelled_out_name_is_not_an_alias_of_a_declared_greek_letter()
    {
        Assert.False(ExpressionParser.TryParse("1 - eta", ["η"], out _, out var error));

        Assert.Equal("unknown variable 'eta' at 5", error.ToString());
    }

    [Fact]
    public void Name_written_without_spaces_splits_into_declared_names()
    {
        var variables = new Dictionary<string, Matrix> { ["w1"] = Matrix.Scalar(3), ["w2"] = Matrix.Scalar(5), ["x"] = Matrix.Scalar(2) };

        var parsed = ExpressionParser.Parse("w2w1x + w1x", variables.Keys);

        Assert.Equal("w2*w1*x + w1*x", parsed.ToString());
        Assert.Equal(36, parsed.Evaluate(variables).ScalarValue);
    }

    [Fact]
    public void Name_with_two_splits_is_an_unknown_variable()
    {
        Assert.False(ExpressionParser.TryParse("1 + xyz", ["x", "y", "z", "xy", "yz"], out _, out var error));

        Assert.Equal("unknown variable 'xyz' at 5", error.ToString());
    }

    [Fact]
    public void Names_are_not_split_without_declarations()
    {
        Assert.Equal(["Ax"], ExpressionParser.Parse("Ax").Variables);
    }

    [Fact]
    public void Function_and_constant_names_are_not_split()
    {
        var parsed = ExpressionParser.Parse("exp(x) + pi", ["e", "x", "p", "i"]);

        Assert.Equal("exp(x) + pi", parsed.ToString());
    }

    [Theory]
    [InlineData("z_4*z_2", 6)]
    [InlineData("W_2^T", 3)]
    public void Underscore_subscript_names_the_declared_variable(string answer, double expected)
    {
        var variables = new Dictionary<string, Matrix> { ["z4"] = Matrix.Scalar(2), ["z2"] = Matrix.Scalar(3), ["W2"] = Matrix.Scalar(3) };

        var parsed = ExpressionParser.Parse(answer, variables.Keys);

        Assert.DoesNotContain(parsed.Variables, name => name.Contains('_', StringComparison.Ordinal));
        Assert.Equal(expected, parsed.Evaluate(variables).ScalarValue, 12);
    }

    [Fact]
    public void Underscore_name_that_is_not_a_declared_one_stays_unknown()
    {
        Assert.False(ExpressionParser.TryParse("w_i*x", ["w1", "x"], out _, out var error));

        Assert.Equal("unknown variable 'w_i' at 1", error.ToString());
    }

    [Fact]
    public void Capital_sigma_is_a_sum_never_the_sigmoid()
    {
        var variables = new Dictionary<string, Matrix> { ["c"] = Matrix.Column([1, 2, 3]) };

        var parsed = ExpressionParser.Parse("Σ(c)", variables.Keys);

        Assert.Equal(6, parsed.Evaluate(variables).ScalarValue, 12);
    }

    [Fact]
    public void Numpy_prefix_only_names_known_functions_and_constants()
    {
        Assert.False(ExpressionParser.TryParse("np.foo(x)", ["x"], out _, out var error));

        Assert.Equal("unknown function 'np.foo' at 1", error.ToString());
    }
}
