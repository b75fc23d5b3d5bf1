using Grader.Engine.Linear;

namespace Grader.Grading.References.Expressions;

/// <summary>
/// A variable of an expression part: its shape, the interval its elements are sampled from, what its values must satisfy
/// (one-hot, simplex, …) and whether it is hidden (an auxiliary variable definitions use, never shown to students).
/// </summary>
internal sealed record VariableDomain(string Name, Shape Shape, double Low, double High,
    VariableConstraint Constraint = VariableConstraint.None, bool Hidden = false)
{
    public string Describe()
    {
        var constraint = Constraint == VariableConstraint.None ? "" : VariableConstraints.Name(Constraint);
        var details = string.Join(", ", new[] { Shape.IsScalar ? "" : Shape.ToString(), constraint }.Where(text => text.Length > 0));
        return details.Length == 0 ? Name : $"{Name} ({details})";
    }
}
