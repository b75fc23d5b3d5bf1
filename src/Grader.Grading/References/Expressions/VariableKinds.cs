using Grader.Grading.Loading;

namespace Grader.Grading.References.Expressions;

/// <summary>Reads a variable's <c>kind:</c> (one-hot, simplex, integer, positive, unit-norm, symmetric, positive-definite).</summary>
internal static class VariableKinds
{
    public static VariableConstraint Read(YamlMap spec)
    {
        if (spec.OptionalString("kind") is not { } name)
        {
            return VariableConstraint.None;
        }
        return VariableConstraints.ByName.TryGetValue(name, out var constraint)
            ? constraint
            : throw spec.Error($"unknown variable kind '{name}' ({string.Join(", ", VariableConstraints.ByName.Keys)})", spec.Find("kind"));
    }

    /// <summary>[-2, 2], or [0, 2] for a positive variable, whose range must not reach below 0.</summary>
    public static double[] DefaultRange(VariableConstraint constraint) => constraint == VariableConstraint.Positive ? [0, 2] : [-2, 2];

    public static void Require(YamlMap spec, VariableDomain domain)
    {
        if (VariableConstraints.Refusal(domain.Constraint, domain.Shape, domain.Low, domain.High) is { } refusal)
        {
            throw spec.Error($"a {VariableConstraints.Name(domain.Constraint)} variable {refusal}");
        }
    }
}
