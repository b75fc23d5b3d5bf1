using Grader.Engine.Autodiff;
using Grader.Engine.Expressions.Ast;

namespace Grader.Engine.Expressions.Evaluation;

/// <summary>Compiles each infix operator to a closure that checks shapes (for its position) and calls TensorOps.</summary>
internal static class BinaryCompiler
{
    public static Func<EvaluationEnvironment, Tensor> Compile(
        BinaryOperator op,
        Func<EvaluationEnvironment, Tensor> left,
        Func<EvaluationEnvironment, Tensor> right,
        int position,
        ProductNotation notation = ProductNotation.Plain) => op switch
    {
        BinaryOperator.Multiply when notation == ProductNotation.Dot =>
            environment => Operators.Dot(left(environment), right(environment), position),
        BinaryOperator.Multiply when notation == ProductNotation.Numpy =>
            environment => Operators.NumpyProduct(left(environment), right(environment), position),
        BinaryOperator.Add => Elementwise(left, right, "+", TensorOps.Add, static (a, b) => a + b, position),
        BinaryOperator.Subtract => Elementwise(left, right, "-", TensorOps.Subtract, static (a, b) => a - b, position),
        BinaryOperator.Multiply => environment => Operators.Multiply(left(environment), right(environment), position),
        BinaryOperator.ElementwiseMultiply => Elementwise(left, right, ".*", TensorOps.Multiply, static (a, b) => a * b, position),
        BinaryOperator.Divide => Elementwise(left, right, "/", TensorOps.Divide, static (a, b) => a / b, position),
        BinaryOperator.Power => Elementwise(left, right, "^", TensorOps.Power, Math.Pow, position),
        BinaryOperator.Less => Comparison(left, right, "<", static (a, b) => a < b, position),
        BinaryOperator.Greater => Comparison(left, right, ">", static (a, b) => a > b, position),
        BinaryOperator.LessOrEqual => Comparison(left, right, "<=", static (a, b) => a <= b, position),
        BinaryOperator.GreaterOrEqual => Comparison(left, right, ">=", static (a, b) => a >= b, position),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static Func<EvaluationEnvironment, Tensor> Elementwise(
        Func<EvaluationEnvironment, Tensor> left,
        Func<EvaluationEnvironment, Tensor> right,
        string symbol,
        Func<Tensor, Tensor, Tensor> operation,
        Func<double, double, double> function,
        int position) => environment =>
    {
        var a = left(environment);
        var b = right(environment);
        Operators.RequireBroadcast(a, b, symbol, position);
        return ConstantOps.Apply(a, b) ? ConstantOps.Elementwise(a.Value, b.Value, function) : operation(a, b);
    };

    private static Func<EvaluationEnvironment, Tensor> Comparison(
        Func<EvaluationEnvironment, Tensor> left,
        Func<EvaluationEnvironment, Tensor> right,
        string symbol,
        Func<double, double, bool> holds,
        int position) =>
        environment => Operators.Compare(left(environment), right(environment), holds, symbol, position);
}
