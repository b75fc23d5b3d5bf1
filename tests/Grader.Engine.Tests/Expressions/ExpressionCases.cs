using System.Text.Json;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Expressions;

/// <summary>Loads the `expression ⇶ expected` tables in Cases/ and the variables they are written against.</summary>
public static class ExpressionCases
{
    public static readonly IReadOnlyDictionary<string, Matrix> Variables = new Dictionary<string, Matrix>
    {
        ["x"] = Matrix.Scalar(0.5),
        ["z"] = Matrix.Scalar(-1.5),
        ["y"] = Matrix.Scalar(2),
        ["A"] = Matrix.FromRows([[1, 2], [3, 4], [5, 6]]),
        ["v"] = Matrix.Column(1, -2),
        ["b"] = Matrix.Column(0.5, -1, 2),
        ["c"] = Matrix.Column(1, 2, 3),
        ["M"] = Matrix.FromRows([[1, 2], [3, 4]]),
    };

    public static TheoryData<string, string> Load(string file)
    {
        var cases = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Expressions", "Cases", file)))
        {
            if (line.StartsWith('#') || !line.Contains('⇶'))
            {
                continue;
            }
            var parts = line.Split('⇶');
            cases.Add(parts[0].Trim(), parts[1].Trim());
        }
        return cases;
    }

    /// <summary>A number, a column [a, b] or rows [[a, b], [c, d]].</summary>
    public static Matrix ParseExpected(string text)
    {
        var json = JsonDocument.Parse(text).RootElement;
        if (json.ValueKind == JsonValueKind.Number)
        {
            return Matrix.Scalar(json.GetDouble());
        }
        if (json[0].ValueKind == JsonValueKind.Number)
        {
            return Matrix.Column(json.EnumerateArray().Select(e => e.GetDouble()).ToArray());
        }
        return Matrix.FromRows(json.EnumerateArray().Select(row => (IReadOnlyList<double>)row.EnumerateArray().Select(e => e.GetDouble()).ToList()).ToList());
    }

    public static void AssertClose(Matrix expected, Matrix actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (var i = 0; i < expected.Count; i++)
        {
            var bound = tolerance * (1 + Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= bound, $"element {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
