using Grader.Engine.Linear;
using Grader.Engine.Sampling;

namespace Grader.Grading.References.Expressions;

/// <summary>A variable of an expression part: its shape and the interval its elements are sampled from.</summary>
internal sealed record VariableDomain(string Name, Shape Shape, double Low, double High)
{
    public Matrix Sample(SeededRandom random)
    {
        var values = new double[Shape.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextDouble(Low, High);
        }
        return Matrix.FromRowMajor(Shape.Rows, Shape.Columns, values);
    }

    public string Describe() => Shape.IsScalar ? Name : $"{Name} ({Shape})";
}
