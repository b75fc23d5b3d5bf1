namespace Grader.Engine.Linear;

/// <summary>The rows × columns of a matrix; vectors are n×1 and scalars 1×1.</summary>
public readonly record struct Shape(int Rows, int Columns)
{
    public static readonly Shape Scalar = new(1, 1);

    public bool IsScalar => Rows == 1 && Columns == 1;

    public int Count => Rows * Columns;

    public override string ToString() => $"{Rows}×{Columns}";
}
