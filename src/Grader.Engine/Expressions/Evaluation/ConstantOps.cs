using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Expressions.Evaluation;

/// <summary>
/// The fast path for operands that need no gradient (every grading evaluation): the same arithmetic as TensorOps without
/// recording backward closures, which would dominate the cost of small scalar expressions.
/// </summary>
internal static class ConstantOps
{
    public static bool Apply(Tensor a, Tensor b) => !a.RequiresGradient && !b.RequiresGradient;

    /// <summary>An element-wise operation with 1×1 broadcasting; shapes are already checked.</summary>
    public static Tensor Elementwise(Matrix a, Matrix b, Func<double, double, double> function)
    {
        if (a.IsScalar && b.IsScalar)
        {
            return Tensor.Constant(function(a[0], b[0]));
        }
        var (rows, columns) = a.IsScalar ? (b.Rows, b.Columns) : (a.Rows, a.Columns);
        var values = new double[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = function(a[a.IsScalar ? 0 : i], b[b.IsScalar ? 0 : i]);
        }
        return Tensor.Constant(Matrix.FromRowMajor(rows, columns, values));
    }

    /// <summary><c>*</c> on constants; the inner dimensions are already checked.</summary>
    public static Tensor Multiply(Matrix a, Matrix b)
    {
        if (a.IsScalar)
        {
            return b.IsScalar ? Tensor.Constant(a[0] * b[0]) : Tensor.Constant(b.Scale(a[0]));
        }
        return Tensor.Constant(b.IsScalar ? a.Scale(b[0]) : a.MatMul(b));
    }

    public static Tensor Map(Matrix a, ElementwiseFunction function) =>
        Tensor.Constant(a.IsScalar ? Matrix.Scalar(function.Apply(a[0])) : a.Map(function.Apply));
}
