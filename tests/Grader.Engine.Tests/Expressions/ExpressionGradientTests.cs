using Grader.Engine.Autodiff;
using Grader.Engine.Expressions.Evaluation;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Expressions;

public class ExpressionGradientTests
{
    private static readonly Matrix _a = Matrix.FromRows([[0.2, -0.4], [1.0, 0.3], [-0.7, 0.5]]);
    private static readonly Matrix _x = Matrix.Column(1.5, -2);
    private static readonly Matrix _b = Matrix.Column(0.3, -1.2, 0.8);
    private const double Y = 0.75;

    [Fact]
    public void Gradient_of_the_two_layer_loss_with_respect_to_b_matches_the_closed_form()
    {
        var b = Tensor.Variable(_b);
        var loss = ExpressionParser.Parse("(y - b'*sigmoid(A*x))^2", ["y", "b", "A", "x"]).Evaluate(Tensors(a: Tensor.Constant(_a), b: b));

        loss.Backward();

        // ∂L/∂b = −2(y − bᵀσ(Ax))σ(Ax)
        var hidden = _a.MatMul(_x).Map(ElementwiseFunctions.Logistic);
        var residual = Y - _b.Transpose().MatMul(hidden).ScalarValue;
        ExpressionCases.AssertClose(hidden.Scale(-2 * residual), b.Gradient, 1e-12);
    }

    [Fact]
    public void Gradient_of_the_two_layer_loss_with_respect_to_A_matches_the_closed_form()
    {
        var a = Tensor.Variable(_a);
        var loss = ExpressionParser.Parse("(y - b'*σ(A*x))^2", ["y", "b", "A", "x"]).Evaluate(Tensors(a: a, b: Tensor.Constant(_b)));

        loss.Backward();

        // ∂L/∂A = −2(y − bᵀσ(Ax)) (b ⊙ σ(Ax) ⊙ (1 − σ(Ax))) xᵀ
        var hidden = _a.MatMul(_x).Map(ElementwiseFunctions.Logistic);
        var residual = Y - _b.Transpose().MatMul(hidden).ScalarValue;
        var slope = _b.Hadamard(hidden).Hadamard(hidden.Map(s => 1 - s));
        ExpressionCases.AssertClose(slope.MatMul(_x.Transpose()).Scale(-2 * residual), a.Gradient, 1e-12);
    }

    [Fact]
    public void Gradients_flow_through_definitions()
    {
        var b = Tensor.Variable(_b);
        var definitions = new Dictionary<string, Grader.Engine.Expressions.Ast.Expression>
        {
            ["h"] = ExpressionParser.Parse("sigmoid(A*x)", ["A", "x"]),
            ["g"] = ExpressionParser.Parse("b'*h", ["b", "h"]),
        };
        var environment = new EvaluationEnvironment(Tensors(a: Tensor.Constant(_a), b: b), definitions);
        var loss = ExpressionParser.Parse("(y - g)^2", ["y", "g"]).Evaluate(environment);

        loss.Backward();

        var hidden = _a.MatMul(_x).Map(ElementwiseFunctions.Logistic);
        var residual = Y - _b.Transpose().MatMul(hidden).ScalarValue;
        ExpressionCases.AssertClose(hidden.Scale(-2 * residual), b.Gradient, 1e-12);
    }

    [Fact]
    public void Gradient_of_reductions_reaches_the_selected_elements()
    {
        var c = Tensor.Variable(Matrix.Column(1, 5, 3));
        var value = ExpressionParser.Parse("max(c) + 2*min(c) + norm(c) + dot(c, c)", ["c"])
            .Evaluate(new Dictionary<string, Tensor> { ["c"] = c });

        value.Backward();

        var norm = Math.Sqrt(35);
        ExpressionCases.AssertClose(Matrix.Column(2 + 1 / norm + 2, 1 + 5 / norm + 10, 3 / norm + 6), c.Gradient, 1e-12);
    }

    private static Dictionary<string, Tensor> Tensors(Tensor a, Tensor b) => new()
    {
        ["A"] = a,
        ["b"] = b,
        ["x"] = Tensor.Constant(_x),
        ["y"] = Tensor.Constant(Y),
    };
}
