using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Expressions.Evaluation;

/// <summary>The shape rules of the infix operators, checked before TensorOps runs so errors carry the operator's position.</summary>
internal static class Operators
{
    /// <summary><c>*</c>: scaling when either side is 1×1, else the matrix product.</summary>
    public static Tensor Multiply(Tensor a, Tensor b, int position)
    {
        var scaling = a.Shape.IsScalar || b.Shape.IsScalar;
        if (!scaling && a.Shape.Columns != b.Shape.Rows)
        {
            throw Fail($"cannot multiply {a.Shape} by {b.Shape}", position);
        }
        if (ConstantOps.Apply(a, b))
        {
            return ConstantOps.Multiply(a.Value, b.Value);
        }
        return scaling ? TensorOps.Multiply(a, b) : TensorOps.MatMul(a, b);
    }

    /// <summary><c>·</c>: the dot product of two vectors of one shape, otherwise the same as <c>*</c>.</summary>
    public static Tensor Dot(Tensor a, Tensor b, int position) =>
        a.Shape == b.Shape && !a.Shape.IsScalar && (a.Shape.Rows == 1 || a.Shape.Columns == 1)
            ? TensorOps.Sum(TensorOps.Multiply(a, b))
            : Multiply(a, b, position);

    /// <summary>numpy's <c>*</c>: element-wise for equal shapes or a 1×1 side; a student's matrix product where only that fits.</summary>
    public static Tensor NumpyProduct(Tensor a, Tensor b, int position)
    {
        if (a.Shape == b.Shape || a.Shape.IsScalar || b.Shape.IsScalar)
        {
            return ConstantOps.Apply(a, b) ? ConstantOps.Elementwise(a.Value, b.Value, static (x, y) => x * y) : TensorOps.Multiply(a, b);
        }
        return Multiply(a, b, position);
    }

    /// <summary>Checks that an element-wise operation gets equal shapes or a 1×1 operand.</summary>
    public static void RequireBroadcast(Tensor a, Tensor b, string symbol, int position)
    {
        if (a.Shape != b.Shape && !a.Shape.IsScalar && !b.Shape.IsScalar)
        {
            throw Fail($"shapes {a.Shape} and {b.Shape} do not match for {symbol}", position);
        }
    }

    /// <summary>1 where the comparison holds, else 0; a step function, so no gradient flows through it.</summary>
    public static Tensor Compare(Tensor a, Tensor b, Func<double, double, bool> holds, string symbol, int position)
    {
        RequireBroadcast(a, b, symbol, position);
        var shape = a.Shape.IsScalar ? b.Shape : a.Shape;
        var left = a.Value;
        var right = b.Value;
        var values = new double[shape.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = holds(left[left.IsScalar ? 0 : i], right[right.IsScalar ? 0 : i]) ? 1 : 0;
        }
        return Tensor.Constant(Matrix.FromRowMajor(shape.Rows, shape.Columns, values));
    }

    public static ExpressionException Fail(string message, int position) => new(new ExpressionError(message, position));
}
