using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Sequences;

/// <summary>
/// Moving between a sequence stored one step per row (T×n, as problem files write it) and its steps as columns, with the
/// backward rules beside the forward ones: a row's gradient goes back to that row, a stack's gradient is cut into rows.
/// </summary>
public static class SequenceOps
{
    /// <summary>Row t (0-based) of a T×n matrix, as an n×1 column.</summary>
    public static Tensor Row(Tensor sequence, int t)
    {
        var (rows, columns) = (sequence.Shape.Rows, sequence.Shape.Columns);
        if (t < 0 || t >= rows)
        {
            throw new ShapeMismatchException($"step {t + 1} is outside the {rows}-step sequence");
        }
        var values = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            values[j] = sequence.Value[t, j];
        }
        return Tensor.FromOperation(Matrix.FromRowMajor(columns, 1, values), output =>
        {
            var gradient = output.OutputGradient;
            for (var j = 0; j < columns; j++)
            {
                sequence.Accumulate(t * columns + j, gradient[j]);
            }
        }, sequence);
    }

    /// <summary>Columns h₁ … h_T of equal size n stacked as the rows of a T×n matrix.</summary>
    public static Tensor StackRows(IReadOnlyList<Tensor> steps)
    {
        if (steps.Count == 0 || steps.Any(step => step.Shape != new Shape(steps[0].Shape.Rows, 1)))
        {
            throw new ShapeMismatchException("a sequence stacks columns of one size");
        }
        var (count, size) = (steps.Count, steps[0].Shape.Rows);
        var values = new double[count * size];
        for (var t = 0; t < count; t++)
        {
            for (var j = 0; j < size; j++)
            {
                values[t * size + j] = steps[t].Value[j];
            }
        }
        return Tensor.FromOperation(Matrix.FromRowMajor(count, size, values), output =>
        {
            var gradient = output.OutputGradient;
            for (var t = 0; t < count; t++)
            {
                for (var j = 0; j < size; j++)
                {
                    steps[t].Accumulate(j, gradient[t * size + j]);
                }
            }
        }, [.. steps]);
    }
}
