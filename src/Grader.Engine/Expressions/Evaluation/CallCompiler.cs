using Grader.Engine.Autodiff;

namespace Grader.Engine.Expressions.Evaluation;

/// <summary>Compiles function calls; the parser has already checked names and argument counts.</summary>
internal static class CallCompiler
{
    public static Func<EvaluationEnvironment, Tensor> Compile(string function, Func<EvaluationEnvironment, Tensor>[] arguments, int position)
    {
        var first = arguments[0];
        if (ElementwiseFunctions.TryFind(function, out var elementwise))
        {
            return environment =>
            {
                var argument = first(environment);
                return argument.RequiresGradient ? TensorOps.Apply(argument, elementwise) : ConstantOps.Map(argument.Value, elementwise);
            };
        }
        var second = arguments.Length > 1 ? arguments[1] : null;
        return (function, second) switch
        {
            ("max", null) => environment => TensorOps.MaxElement(first(environment)),
            ("min", null) => environment => TensorOps.MinElement(first(environment)),
            ("max", _) => environment => Pairwise(first(environment), second(environment), "max", TensorOps.Maximum, position),
            ("min", _) => environment => Pairwise(first(environment), second(environment), "min", TensorOps.Minimum, position),
            ("sum", _) => environment => TensorOps.Sum(first(environment)),
            ("softmax", _) => environment => TensorOps.Softmax(first(environment)),
            ("norm", _) => environment => Norm(first(environment)),
            ("diag", _) => environment => Diagonal(first(environment), position),
            ("dot", _) => environment => Dot(first(environment), second!(environment), position),
            ("matmul", _) => environment => MatrixProduct(first(environment), second!(environment), position),
            ("outer", _) => environment => Outer(first(environment), second!(environment), position),
            _ => throw new InvalidOperationException($"no evaluator for function '{function}'"),
        };
    }

    private static Tensor Pairwise(Tensor a, Tensor b, string name, Func<Tensor, Tensor, Tensor> operation, int position)
    {
        Operators.RequireBroadcast(a, b, name, position);
        return operation(a, b);
    }

    private static Tensor Norm(Tensor a) => TensorOps.Apply(TensorOps.Sum(TensorOps.Multiply(a, a)), ElementwiseFunctions.Sqrt);

    private static Tensor Diagonal(Tensor v, int position)
    {
        if (v.Shape.Rows != 1 && v.Shape.Columns != 1)
        {
            throw Operators.Fail($"diag needs a vector, not a {v.Shape} matrix", position);
        }
        return TensorOps.Diagonal(v);
    }

    // numpy's dot: two vectors of one shape give their inner product, anything else the matrix product.
    private static Tensor MatrixProduct(Tensor a, Tensor b, int position)
    {
        if (a.Shape == b.Shape && IsVector(a))
        {
            return TensorOps.Sum(TensorOps.Multiply(a, b));
        }
        if (a.Shape.Columns != b.Shape.Rows)
        {
            throw Operators.Fail($"dot cannot multiply {a.Shape} by {b.Shape}", position);
        }
        return TensorOps.MatMul(a, b);
    }

    // u vᵀ for two vectors, whichever way each is written.
    private static Tensor Outer(Tensor u, Tensor v, int position)
    {
        if (!IsVector(u) || !IsVector(v))
        {
            throw Operators.Fail($"outer needs two vectors, not {u.Shape} and {v.Shape}", position);
        }
        var column = u.Shape.Columns == 1 ? u : TensorOps.Transpose(u);
        var row = v.Shape.Rows == 1 ? v : TensorOps.Transpose(v);
        return TensorOps.MatMul(column, row);
    }

    private static bool IsVector(Tensor t) => t.Shape.Rows == 1 || t.Shape.Columns == 1;

    // Strict shapes: dot of a 3×1 with a 1×3 is almost always a transposition slip worth reporting.
    private static Tensor Dot(Tensor u, Tensor v, int position)
    {
        if (u.Shape != v.Shape)
        {
            throw Operators.Fail($"dot needs two vectors of one shape, not {u.Shape} and {v.Shape}", position);
        }
        return TensorOps.Sum(TensorOps.Multiply(u, v));
    }
}
