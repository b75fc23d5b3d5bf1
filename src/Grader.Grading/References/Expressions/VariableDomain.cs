using Grader.Engine.Linear;

namespace Grader.Grading.References.Expressions;

/// <summary>A variable of an expression part: its shape and the interval its elements are sampled from.</summary>
internal sealed record VariableDomain(string Name, Shape Shape, double Low, double High)
{
    public string Describe() => Shape.IsScalar ? Name : $"{Name} ({Shape})";
}
