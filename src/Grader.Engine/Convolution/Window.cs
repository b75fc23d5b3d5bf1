using Grader.Engine.Linear;

namespace Grader.Engine.Convolution;

/// <summary>A kernel or pooling window sliding over a zero-padded input: its size, stride and padding on each axis.</summary>
internal readonly record struct Window(int Height, int Width, int RowStride, int ColumnStride, int RowPadding, int ColumnPadding)
{
    /// <summary>⌊(H + 2p − k)/s⌋ + 1 on each axis; refuses a window larger than the padded input or a stride below 1.</summary>
    public (int Rows, int Columns) OutputShape(Shape input, string operation)
    {
        if (RowStride < 1 || ColumnStride < 1 || RowPadding < 0 || ColumnPadding < 0 || Height < 1 || Width < 1)
        {
            throw new ArgumentException($"{operation} needs a window of at least 1, a stride of at least 1 and a padding of at least 0");
        }
        var rows = (input.Rows + 2 * RowPadding - Height) / RowStride + 1;
        var columns = (input.Columns + 2 * ColumnPadding - Width) / ColumnStride + 1;
        if (input.Rows + 2 * RowPadding < Height || input.Columns + 2 * ColumnPadding < Width)
        {
            throw new ShapeMismatchException($"the {Height}×{Width} window of the {operation} is larger than the padded {input} input");
        }
        return (rows, columns);
    }

    /// <summary>The window cells (a, b) of output (i, j) that fall on the input (not its zero padding), with their input index.</summary>
    public IEnumerable<(int A, int B, int Source)> Cells(Shape input, int i, int j)
    {
        for (var a = 0; a < Height; a++)
        {
            var row = i * RowStride + a - RowPadding;
            if (row < 0 || row >= input.Rows)
            {
                continue;
            }
            for (var b = 0; b < Width; b++)
            {
                var column = j * ColumnStride + b - ColumnPadding;
                if (column >= 0 && column < input.Columns)
                {
                    yield return (a, b, row * input.Columns + column);
                }
            }
        }
    }
}
