using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Autodiff;

/// <summary>Central finite differences (f(x + h) − f(x − h)) / 2h, the independent check on every backward rule.</summary>
internal static class FiniteDifferences
{
    // Truncation error is O(h²) and rounding error O(ε/h); h = 1e-6 keeps both near 1e-9 for values of order 1.
    public const double Step = 1e-6;

    /// <summary>∂f/∂(point[input]) element by element.</summary>
    public static Matrix Gradient(Func<Matrix[], double> f, Matrix[] point, int input)
    {
        var x = point[input];
        var gradient = new double[x.Count];
        for (var k = 0; k < x.Count; k++)
        {
            gradient[k] = (f(Perturbed(point, input, k, Step)) - f(Perturbed(point, input, k, -Step))) / (2 * Step);
        }
        return Matrix.FromRowMajor(x.Rows, x.Columns, gradient);
    }

    private static Matrix[] Perturbed(Matrix[] point, int input, int element, double delta)
    {
        var copy = (Matrix[])point.Clone();
        var values = point[input].ToArray();
        values[element] += delta;
        copy[input] = Matrix.FromRowMajor(point[input].Rows, point[input].Columns, values);
        return copy;
    }
}
