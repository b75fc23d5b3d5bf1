using System.Globalization;
using System.Text;

namespace Grader.Engine.Linear;

/// <summary>An immutable dense real matrix, stored row-major. Vectors are n×1 columns; scalars are 1×1.</summary>
public sealed class Matrix : IEquatable<Matrix>
{
    private readonly double[] _values;

    private Matrix(int rows, int columns, double[] values)
    {
        Rows = rows;
        Columns = columns;
        _values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    public Shape Shape => new(Rows, Columns);

    public bool IsScalar => Rows == 1 && Columns == 1;

    public int Count => _values.Length;

    public double this[int row, int column] => _values[row * Columns + column];

    /// <summary>The i-th element in row-major order.</summary>
    public double this[int index] => _values[index];

    /// <summary>The value of a 1×1 matrix.</summary>
    public double ScalarValue => IsScalar
        ? _values[0]
        : throw new InvalidOperationException($"a {Shape} matrix is not a scalar");

    public ReadOnlySpan<double> Values => _values;

    public static Matrix Scalar(double value) => new(1, 1, [value]);

    public static Matrix Zeros(int rows, int columns) => new(rows, columns, new double[CheckedCount(rows, columns)]);

    public static Matrix Zeros(Shape shape) => Zeros(shape.Rows, shape.Columns);

    public static Matrix Filled(Shape shape, double value)
    {
        var values = new double[shape.Count];
        Array.Fill(values, value);
        return new Matrix(shape.Rows, shape.Columns, values);
    }

    public static Matrix Identity(int size)
    {
        var values = new double[CheckedCount(size, size)];
        for (var i = 0; i < size; i++)
        {
            values[i * size + i] = 1;
        }
        return new Matrix(size, size, values);
    }

    /// <summary>A column vector.</summary>
    public static Matrix Column(params double[] values) => new(values.Length, 1, (double[])values.Clone());

    public static Matrix FromRows(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        if (rows.Count == 0 || rows[0].Count == 0)
        {
            throw new ArgumentException("a matrix needs at least one row and one column", nameof(rows));
        }
        var columns = rows[0].Count;
        var values = new double[rows.Count * columns];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns)
            {
                throw new ArgumentException($"row {r + 1} has {rows[r].Count} entries, row 1 has {columns}", nameof(rows));
            }
            for (var c = 0; c < columns; c++)
            {
                values[r * columns + c] = rows[r][c];
            }
        }
        return new Matrix(rows.Count, columns, values);
    }

    /// <summary>Wraps row-major values without copying; the caller gives up the array.</summary>
    public static Matrix FromRowMajor(int rows, int columns, double[] values)
    {
        if (values.Length != CheckedCount(rows, columns))
        {
            throw new ArgumentException($"{values.Length} values cannot fill a {rows}×{columns} matrix", nameof(values));
        }
        return new Matrix(rows, columns, values);
    }

    public double[] ToArray() => (double[])_values.Clone();

    public double[][] ToRows()
    {
        var rows = new double[Rows][];
        for (var r = 0; r < Rows; r++)
        {
            rows[r] = _values.AsSpan(r * Columns, Columns).ToArray();
        }
        return rows;
    }

    public Matrix Transpose()
    {
        if (Rows == 1 || Columns == 1)
        {
            return new Matrix(Columns, Rows, _values);
        }
        var result = new double[_values.Length];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                result[c * Rows + r] = _values[r * Columns + c];
            }
        }
        return new Matrix(Columns, Rows, result);
    }

    public Matrix MatMul(Matrix right)
    {
        if (Columns != right.Rows)
        {
            throw new ShapeMismatchException($"cannot multiply {Shape} by {right.Shape}");
        }
        var result = new double[Rows * right.Columns];
        for (var r = 0; r < Rows; r++)
        {
            for (var k = 0; k < Columns; k++)
            {
                var left = _values[r * Columns + k];
                if (left == 0)
                {
                    continue;
                }
                for (var c = 0; c < right.Columns; c++)
                {
                    result[r * right.Columns + c] += left * right._values[k * right.Columns + c];
                }
            }
        }
        return new Matrix(Rows, right.Columns, result);
    }

    public Matrix Add(Matrix other) => Zip(other, static (a, b) => a + b, "+");

    public Matrix Subtract(Matrix other) => Zip(other, static (a, b) => a - b, "-");

    /// <summary>The element-wise (Hadamard) product.</summary>
    public Matrix Hadamard(Matrix other) => Zip(other, static (a, b) => a * b, ".*");

    public Matrix Scale(double factor)
    {
        var result = new double[_values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _values[i] * factor;
        }
        return new Matrix(Rows, Columns, result);
    }

    public Matrix Negate() => Scale(-1);

    public Matrix Map(Func<double, double> function)
    {
        var result = new double[_values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = function(_values[i]);
        }
        return new Matrix(Rows, Columns, result);
    }

    /// <summary>Combines two matrices of one shape element by element.</summary>
    public Matrix Zip(Matrix other, Func<double, double, double> function, string operatorName = "an element-wise operation")
    {
        if (Rows != other.Rows || Columns != other.Columns)
        {
            throw new ShapeMismatchException($"shapes {Shape} and {other.Shape} do not match for {operatorName}");
        }
        var result = new double[_values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = function(_values[i], other._values[i]);
        }
        return new Matrix(Rows, Columns, result);
    }

    public double Sum()
    {
        var sum = 0.0;
        foreach (var value in _values)
        {
            sum += value;
        }
        return sum;
    }

    /// <summary>The Frobenius norm, an upper bound on the spectral norm.</summary>
    public double FrobeniusNorm()
    {
        var sum = 0.0;
        foreach (var value in _values)
        {
            sum += value * value;
        }
        return Math.Sqrt(sum);
    }

    public bool AllFinite()
    {
        foreach (var value in _values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }
        return true;
    }

    public bool Equals(Matrix? other) =>
        other is not null && Rows == other.Rows && Columns == other.Columns && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as Matrix);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Rows);
        hash.Add(Columns);
        foreach (var value in _values)
        {
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    /// <summary>Prints as a number, a vector [a, b] (columns print flat) or rows [[a, b], [c, d]].</summary>
    public override string ToString()
    {
        if (IsScalar)
        {
            return _values[0].ToString("G6", CultureInfo.InvariantCulture);
        }
        var text = new StringBuilder();
        if (Columns == 1)
        {
            AppendRow(text, _values);
            return text.ToString();
        }
        text.Append('[');
        for (var r = 0; r < Rows; r++)
        {
            if (r > 0)
            {
                text.Append(", ");
            }
            AppendRow(text, _values.AsSpan(r * Columns, Columns));
        }
        return text.Append(']').ToString();
    }

    private static void AppendRow(StringBuilder text, ReadOnlySpan<double> values)
    {
        text.Append('[');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }
            text.Append(values[i].ToString("G6", CultureInfo.InvariantCulture));
        }
        text.Append(']');
    }

    private static int CheckedCount(int rows, int columns)
    {
        if (rows <= 0 || columns <= 0)
        {
            throw new ArgumentException($"a matrix cannot be {rows}×{columns}");
        }
        return checked(rows * columns);
    }
}
