using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Attention;

/// <summary>
/// Scaled dot-product attention, softmax(Q·Kᵀ/√d)·V with the softmax taken along each row (each query's weights over the
/// keys sum to 1). Only the row-wise softmax is a new primitive; its backward rule is the softmax's, row by row:
/// ∂L/∂sᵢₖ = aᵢₖ(gᵢₖ − Σⱼ gᵢⱼaᵢⱼ). The products, the scaling and the transpose take theirs from <see cref="TensorOps"/>.
/// </summary>
public static class AttentionOps
{
    /// <summary>Queries Q (n×d), keys K (m×d), values V (m×dᵥ): the n×dᵥ output.</summary>
    public static Tensor ScaledDotProduct(Tensor queries, Tensor keys, Tensor values)
    {
        if (queries.Shape.Columns != keys.Shape.Columns || keys.Shape.Rows != values.Shape.Rows)
        {
            throw new ShapeMismatchException(
                $"attention needs Q (n×d), K (m×d) and V (m×dv); got Q {queries.Shape}, K {keys.Shape}, V {values.Shape}");
        }
        return TensorOps.MatMul(Weights(queries, keys), values);
    }

    /// <summary>softmax(Q·Kᵀ/√d) by rows: row i holds query i's weights over the keys.</summary>
    public static Tensor Weights(Tensor queries, Tensor keys)
    {
        var scores = TensorOps.Scale(TensorOps.MatMul(queries, TensorOps.Transpose(keys)), 1 / Math.Sqrt(queries.Shape.Columns));
        return RowSoftmax(scores);
    }

    /// <summary>The softmax of each row on its own.</summary>
    public static Tensor RowSoftmax(Tensor scores)
    {
        var (rows, columns) = (scores.Shape.Rows, scores.Shape.Columns);
        var values = new double[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            var max = Enumerable.Range(0, columns).Max(j => scores.Value[i, j]);
            var total = 0.0;
            for (var j = 0; j < columns; j++)
            {
                total += values[i * columns + j] = Math.Exp(scores.Value[i, j] - max);
            }
            for (var j = 0; j < columns; j++)
            {
                values[i * columns + j] /= total;
            }
        }
        return Tensor.FromOperation(Matrix.FromRowMajor(rows, columns, values), output =>
        {
            var gradient = output.OutputGradient;
            for (var i = 0; i < rows; i++)
            {
                var weighted = 0.0;
                for (var j = 0; j < columns; j++)
                {
                    weighted += gradient[i * columns + j] * values[i * columns + j];
                }
                for (var j = 0; j < columns; j++)
                {
                    scores.Accumulate(i * columns + j, values[i * columns + j] * (gradient[i * columns + j] - weighted));
                }
            }
        }, scores);
    }
}
