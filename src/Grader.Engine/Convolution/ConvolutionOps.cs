using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Convolution;

/// <summary>
/// Convolution and pooling of one channel, as deep-learning courses define them (cross-correlation, no kernel flip):
/// y[i, j] = Σₐ Σ_b w[a, b]·x̃[i·s + a, j·s + b] over the input x̃ padded with p zeros on every side, so an H-long side
/// gives ⌊(H + 2p − k)/s⌋ + 1 outputs. A 1-D signal is an L×1 column with a k×1 kernel. Backward rules sit beside each
/// forward: ∂y[i, j]/∂w[a, b] = x̃[i·s + a, j·s + b] and ∂y[i, j]/∂x̃[i·s + a, j·s + b] = w[a, b]; max pooling sends the
/// gradient to the first largest element of each window, average pooling spreads it evenly.
/// </summary>
public static class ConvolutionOps
{
    /// <summary>1-D convolution of an L×1 signal with a k×1 kernel.</summary>
    public static Tensor Conv1d(Tensor x, Tensor kernel, int stride = 1, int padding = 0)
    {
        RequireColumn(x, "conv1d input");
        RequireColumn(kernel, "conv1d kernel");
        return Convolve(x, kernel, new Window(kernel.Shape.Rows, 1, stride, 1, padding, 0));
    }

    /// <summary>2-D convolution of an H×W image with a kh×kw kernel, the same stride and padding on both axes.</summary>
    public static Tensor Conv2d(Tensor x, Tensor kernel, int stride = 1, int padding = 0) =>
        Convolve(x, kernel, new Window(kernel.Shape.Rows, kernel.Shape.Columns, stride, stride, padding, padding));

    /// <summary>Max pooling of a column (1-D, windows of size×1) or a matrix (size×size windows).</summary>
    public static Tensor MaxPool(Tensor x, int size, int stride) => Pool(x, PoolWindow(x, size, stride), average: false);

    public static Tensor AveragePool(Tensor x, int size, int stride) => Pool(x, PoolWindow(x, size, stride), average: true);

    private static Tensor Convolve(Tensor x, Tensor kernel, Window window)
    {
        var (rows, columns) = window.OutputShape(x.Shape, "convolution");
        var values = new double[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                foreach (var (a, b, source) in window.Cells(x.Shape, i, j))
                {
                    values[i * columns + j] += kernel.Value[a, b] * x.Value[source];
                }
            }
        }
        return Tensor.FromOperation(Matrix.FromRowMajor(rows, columns, values), output =>
        {
            var gradient = output.OutputGradient;
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    var g = gradient[i * columns + j];
                    foreach (var (a, b, source) in window.Cells(x.Shape, i, j))
                    {
                        kernel.Accumulate(a * kernel.Shape.Columns + b, g * x.Value[source]);
                        x.Accumulate(source, g * kernel.Value[a, b]);
                    }
                }
            }
        }, x, kernel);
    }

    private static Tensor Pool(Tensor x, Window window, bool average)
    {
        var (rows, columns) = window.OutputShape(x.Shape, "pooling");
        var values = new double[rows * columns];
        var winners = new int[rows * columns];
        for (var k = 0; k < values.Length; k++)
        {
            var cells = window.Cells(x.Shape, k / columns, k % columns).Select(cell => cell.Source).ToList();
            winners[k] = cells.Aggregate((best, next) => x.Value[next] > x.Value[best] ? next : best);
            values[k] = average ? cells.Sum(source => x.Value[source]) / cells.Count : x.Value[winners[k]];
        }
        return Tensor.FromOperation(Matrix.FromRowMajor(rows, columns, values), output =>
        {
            var gradient = output.OutputGradient;
            for (var k = 0; k < values.Length; k++)
            {
                if (!average)
                {
                    x.Accumulate(winners[k], gradient[k]);
                    continue;
                }
                var cells = window.Cells(x.Shape, k / columns, k % columns).ToList();
                foreach (var cell in cells)
                {
                    x.Accumulate(cell.Source, gradient[k] / cells.Count);
                }
            }
        }, x);
    }

    private static Window PoolWindow(Tensor x, int size, int stride) =>
        x.Shape.Columns == 1 ? new Window(size, 1, stride, 1, 0, 0) : new Window(size, size, stride, stride, 0, 0);

    private static void RequireColumn(Tensor t, string what)
    {
        if (t.Shape.Columns != 1)
        {
            throw new ShapeMismatchException($"the {what} must be a column vector, not a {t.Shape} matrix");
        }
    }
}
