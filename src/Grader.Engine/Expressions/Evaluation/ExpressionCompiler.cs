using Grader.Engine.Autodiff;
using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Engine.Expressions.Evaluation;

/// <summary>
/// Turns a tree into nested closures over TensorOps, so each evaluation is a chain of direct calls with no tree walk,
/// lookups by node type or LINQ. Subtrees without variables are folded into one constant at compile time.
/// </summary>
internal static class ExpressionCompiler
{
    private static readonly EvaluationEnvironment _noVariables = new(new Dictionary<string, Tensor>());

    public static Func<EvaluationEnvironment, Tensor> Compile(Expression expression) => CompileNode(expression).Evaluate;

    private static Compiled CompileNode(Expression expression)
    {
        switch (expression)
        {
            case NumberExpression number:
                return Constant(Tensor.Constant(number.Value));
            case ConstantExpression constant:
                return Constant(Tensor.Constant(constant.Value));
            case VariableExpression variable:
                var (name, position) = (variable.Name, variable.Position);
                return new Compiled(environment => environment.Resolve(name, position), false);
            case NegateExpression negate:
                var operand = CompileNode(negate.Operand);
                var negated = operand.Evaluate;
                return Fold(environment => Negate(negated(environment)), operand);
            case TransposeExpression transpose:
                var matrix = CompileNode(transpose.Operand);
                var transposed = matrix.Evaluate;
                var refusedAt = transpose.ScalarRefusedAt;
                return refusedAt == 0
                    ? Fold(environment => TensorOps.Transpose(transposed(environment)), matrix)
                    : Fold(environment => TensorOps.Transpose(NotScalar(transposed(environment), refusedAt)), matrix);
            case BinaryExpression binary:
                var left = CompileNode(binary.Left);
                var right = CompileNode(binary.Right);
                return Fold(BinaryCompiler.Compile(binary.Operator, left.Evaluate, right.Evaluate, binary.Position, binary.Notation), left, right);
            case CallExpression call:
                var arguments = new Compiled[call.Arguments.Count];
                var evaluators = new Func<EvaluationEnvironment, Tensor>[arguments.Length];
                for (var i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = CompileNode(call.Arguments[i]);
                    evaluators[i] = arguments[i].Evaluate;
                }
                return Fold(CallCompiler.Compile(call.Function, evaluators, call.Position), arguments);
            default:
                throw new InvalidOperationException($"no compiler for {expression.GetType().Name}");
        }
    }

    private static Compiled Fold(Func<EvaluationEnvironment, Tensor> evaluate, params Compiled[] operands)
    {
        foreach (var operand in operands)
        {
            if (!operand.IsConstant)
            {
                return new Compiled(evaluate, false);
            }
        }
        return Constant(evaluate(_noVariables));
    }

    // "x'(t)" on a scalar is a derivative to many students, not a transpose that changes nothing.
    private static Tensor NotScalar(Tensor primed, int position) => primed.Value.IsScalar
        ? throw Operators.Fail(Parser.AmbiguousPrime, position)
        : primed;

    private static Tensor Negate(Tensor a) => a.RequiresGradient
        ? TensorOps.Negate(a)
        : Tensor.Constant(a.Value.IsScalar ? Matrix.Scalar(-a.Value[0]) : a.Value.Negate());

    private static Compiled Constant(Tensor value) => new(_ => value, true);

    private readonly record struct Compiled(Func<EvaluationEnvironment, Tensor> Evaluate, bool IsConstant);
}
