using System.Globalization;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests;

/// <summary>Element-wise closeness with the numpy isclose rule |actual − expected| ≤ atol + rtol·|expected|.</summary>
internal static class Approximately
{
    public static void Equal(Matrix expected, Matrix actual, double atol, double rtol = 0, string what = "value")
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (var i = 0; i < expected.Count; i++)
        {
            var error = Math.Abs(actual[i] - expected[i]);
            Assert.True(
                error <= atol + rtol * Math.Abs(expected[i]),
                string.Create(CultureInfo.InvariantCulture, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (error {error:E2})"));
        }
    }
}
