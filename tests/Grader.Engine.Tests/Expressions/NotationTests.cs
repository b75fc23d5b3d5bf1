using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Expressions;

/// <summary>Handout notations a careful grader reads one way only: W2'(…), W^{(1)}, w_1x, ‖x‖ and \exp x.</summary>
public class NotationTests
{
    private static readonly Dictionary<string, Matrix> _layers = new()
    {
        ["W1"] = Matrix.FromRows([[1, 2], [3, 4]]),
        ["W2"] = Matrix.FromRows([[0, 1], [-1, 2]]),
        ["b"] = Matrix.Column(1, -1),
        ["x"] = Matrix.Column(2, 0.5),
        ["y"] = Matrix.Column(-1, 3),
        ["t"] = Matrix.Scalar(0.5),
    };

    private static string Canonical(string text) => ExpressionParser.Parse(text, _layers.Keys).ToString();

    private static string? Error(string text)
    {
        if (!ExpressionParser.TryParse(text, _layers.Keys, out var parsed, out var error))
        {
            return error.ToString();
        }
        return parsed.TryEvaluate(_layers, out Matrix? _, out error) ? null : error.ToString();
    }

    [Fact]
    public void Prime_before_a_parenthesis_on_a_declared_matrix_is_the_transpose_times_the_group()
    {
        Assert.Equal("W2'*(W2*(W1*x + b) - y)*x'", Canonical("W2'(W2(W1x + b) - y)x'"));
        Assert.Null(Error("W2'(W2(W1x + b) - y)x'"));
    }

    [Fact]
    public void Prime_before_a_parenthesis_on_a_declared_scalar_is_refused_as_a_possible_derivative()
    {
        Assert.Equal("'(' after ''' is ambiguous (transpose or derivative?): write * or ᵀ at 3", Error("t'(x)"));
    }

    [Fact]
    public void Prime_before_a_parenthesis_without_declarations_is_refused_as_a_possible_derivative()
    {
        Assert.False(ExpressionParser.TryParse("W2'(x)", out _, out var error));
        Assert.Equal("'(' after ''' is ambiguous (transpose or derivative?): write * or ᵀ at 4", error.ToString());
    }

    [Fact]
    public void Prime_on_an_unknown_name_or_a_function_without_a_known_derivative_is_refused()
    {
        Assert.Equal("'sech'' is a derivative the grader does not know: write it out at 5", Error("sech'(x)"));
        Assert.Equal("'f'(…)' reads as a derivative, which the grader cannot evaluate: write it out at 1", Error("f'(x)"));
    }

    [Fact]
    public void Prime_on_a_declared_matrix_binds_before_the_implicit_product()
    {
        var parsed = ExpressionParser.Parse("sum(W2'(x))", _layers.Keys);

        Assert.IsType<TransposeExpression>(((BinaryExpression)((CallExpression)parsed).Arguments[0]).Left);
        Assert.Equal(2.5, parsed.Evaluate(_layers).ScalarValue, 12);
    }

    [Theory]
    [InlineData("W_1x", "W1*x")]
    [InlineData("W_2W_1x + b", "W2*W1*x + b")]
    [InlineData("W_2(W_1x + b)", "W2*(W1*x + b)")]
    [InlineData("xW_1", "x*W1")]
    [InlineData("W_1", "W1")]
    [InlineData("W_{1}x", "W1*x")]
    public void Subscripted_name_run_splits_into_the_declared_names(string text, string expected)
    {
        Assert.Equal(expected, Canonical(text));
    }

    [Theory]
    [InlineData("W_1x_2", "unknown variable 'W_1x_2' at 1")]
    [InlineData("2 + x_1", "unknown variable 'x_1' at 5")]
    [InlineData("W_1_x", "unknown variable 'W_1_x' at 1")]
    [InlineData("W_", "unknown variable 'W_' at 1")]
    public void Subscripted_name_run_that_is_not_all_declared_names_stays_unknown(string text, string expected)
    {
        Assert.Equal(expected, Error(text));
    }

    [Fact]
    public void Subscripted_name_that_is_declared_as_written_is_not_split()
    {
        var parsed = ExpressionParser.Parse("w_1x", ["w1", "x", "w1x"]);

        Assert.Equal("w1x", parsed.ToString());
    }

    [Theory]
    [InlineData("W^{(1)}x", "W1*x")]
    [InlineData("W^{[2]}W^{[1]}x", "W2*W1*x")]
    [InlineData("W^{(2)}(W^{(1)}x + b)", "W2*(W1*x + b)")]
    [InlineData("W^{(2)T}y", "W2'*y")]
    [InlineData("W^{(2)\\top}y", "W2'*y")]
    [InlineData("(W^{(2)})^T y", "W2'*y")]
    [InlineData("\\mathbf{W}^{(1)} x", "W1*x")]
    [InlineData("W⁽¹⁾x", "W1*x")]
    [InlineData("W⁽²⁾ᵀ(W⁽²⁾(W⁽¹⁾x + b) − y)", "W2'*(W2*(W1*x + b) - y)")]
    public void Layer_superscript_names_the_declared_layer_variable(string text, string expected)
    {
        Assert.Equal(expected, Canonical(text));
    }

    [Theory]
    [InlineData("b^{(2)}", "b^2")]
    [InlineData("x^{(t)}", "x^t")]
    [InlineData("t⁽²⁾", "t^2")]
    public void Layer_superscript_on_a_declared_name_stays_a_power(string text, string expected)
    {
        Assert.Equal(expected, Canonical(text));
    }

    [Theory]
    [InlineData("W^{(3)}x", "unknown variable 'W' at 1")]
    [InlineData("a^{(l)}", "unknown variable 'a' at 1")]
    [InlineData("W⁽¹x", "expected a layer number and '⁾' after '⁽', as in W⁽¹⁾ at 2")]
    [InlineData("W^{(1)'}x", "unknown variable 'W' at 1")]
    public void Layer_superscript_without_a_declared_layer_is_refused_as_before(string text, string expected)
    {
        Assert.Equal(expected, Error(text));
    }

    [Fact]
    public void Layer_superscript_with_a_letter_names_a_declared_layer_variable()
    {
        Assert.Equal("al + 1", ExpressionParser.Parse("a^{(l)} + 1", ["al"]).ToString());
    }

    [Theory]
    [InlineData("\\sigma z_1 + x", "sigmoid(z1) + x")]
    [InlineData("\\exp \\eta", "exp(eta)")]
    [InlineData("\\log x - \\ln 2", "log(x) - log(2)")]
    [InlineData("\\frac{1}{1 + \\exp z_1}", "1/(1 + exp(z1))")]
    [InlineData("\\left(\\tanh x\\right)^{2}", "tanh(x)^2")]
    [InlineData("\\sigma z_{1} \\cdot (1 - \\sigma z_{1})", "sigmoid(z1)*(1 - sigmoid(z1))")]
    public void Latex_function_without_parentheses_applies_to_one_atom(string latex, string expected)
    {
        Assert.Equal(expected, ExpressionParser.Parse(latex, ["z1", "x", "eta"]).ToString());
    }

    [Theory]
    [InlineData("\\sigma z_{1}(1 - \\sigma z_{1})", "sigma", 1)]
    [InlineData("x\\exp 2x", "exp", 2)]
    [InlineData("\\log x_1x", "log", 1)]
    public void Latex_function_without_parentheses_before_more_than_one_atom_is_refused(string latex, string command, int position)
    {
        Assert.False(ExpressionParser.TryParse(latex, ["z1", "x", "x1"], out _, out var error));

        Assert.Equal($@"'\{command}' without parentheses takes one atom (x, 2, z_1, \eta): write \{command}(…) or \{command}{{…}} at {position}", error.ToString());
    }

    [Fact]
    public void Latex_power_of_several_digits_without_braces_is_the_whole_number_as_in_the_plain_syntax()
    {
        // Strict LaTeX reads x^23 as x²·3; students who type it mean x to the 23rd, as the plain syntax reads it.
        Assert.Equal("x^23 + 1", ExpressionParser.Parse("$x^23 + 1$", ["x"]).ToString());
    }

    [Theory]
    [InlineData("||x||", "norm(x)")]
    [InlineData("‖W2(W1x + b) − y‖²/2", "norm(W2*(W1*x + b) - y)^2/2")]
    [InlineData("\\frac{1}{2}\\left\\|W^{(2)}(W^{(1)}x + b) - y\\right\\|_2^2", "1/2*norm(W2*(W1*x + b) - y)^2")]
    [InlineData("\\lVert W1 \\rVert_F", "norm(W1)")]
    public void Double_bars_are_the_euclidean_norm(string text, string expected)
    {
        Assert.Equal(expected, Canonical(text));
    }

    [Fact]
    public void Norm_of_a_matrix_is_the_frobenius_norm()
    {
        Assert.Equal(Math.Sqrt(30), ExpressionParser.Parse("‖W1‖", _layers.Keys).Evaluate(_layers).ScalarValue, 12);
    }

    [Fact]
    public void A_dot_between_two_vectors_of_one_size_is_their_dot_product_and_otherwise_the_product()
    {
        var point = new Dictionary<string, Matrix>
        {
            ["c"] = Matrix.Column([1, 2, 3]),
            ["b"] = Matrix.Column([0.5, -1, 2]),
            ["x"] = Matrix.Scalar(0.5),
        };

        Assert.Equal(4.5, ExpressionParser.Parse("c·b", point.Keys).Evaluate(point).ScalarValue, 12);
        Assert.Equal(4.5, ExpressionParser.Parse(@"c \cdot b", point.Keys).Evaluate(point).ScalarValue, 12);
        Assert.Equal([0.5, 1, 1.5], ExpressionParser.Parse("x·c", point.Keys).Evaluate(point).ToArray());
        Assert.False(ExpressionParser.TryParse("c*b", point.Keys, out var product, out _) && product.TryEvaluate(point, out _, out _));
    }
}
