using Grader.Engine.Linear;
using Grader.Engine.Sampling;

namespace Grader.Engine.Tests;

/// <summary>Seeded random matrices for tests: the same seed gives the same points on every run.</summary>
internal static class RandomMatrices
{
    public static Matrix Uniform(SeededRandom random, int rows, int columns, double low = -2, double high = 2)
    {
        var values = new double[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextDouble(low, high);
        }
        return Matrix.FromRowMajor(rows, columns, values);
    }

    /// <summary>Values with |v| in [min, max] and a random sign, to stay clear of kinks at 0.</summary>
    public static Matrix AwayFromZero(SeededRandom random, int rows, int columns, double min = 0.2, double max = 2)
    {
        var values = new double[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextDouble() < 0.5 ? -1 : 1) * random.NextDouble(min, max);
        }
        return Matrix.FromRowMajor(rows, columns, values);
    }
}
