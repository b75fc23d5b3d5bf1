using System.Globalization;

namespace Grader.Grading.Model;

/// <summary>
/// The numpy <c>isclose</c> rule |s − r| ≤ atol + rtol·|r|, element by element; integer-valued parts compare exactly.
/// </summary>
public sealed record Tolerance(double Relative, double Absolute, bool Exact = false)
{
    public static Tolerance Default { get; } = new(0.01, 1e-8);

    public static Tolerance ExactMatch { get; } = new(0, 0, true);

    public bool Accepts(double student, double reference) =>
        Exact ? student == reference : Math.Abs(student - reference) <= Absolute + Relative * Math.Abs(reference);

    public override string ToString() => Exact
        ? "exact"
        : string.Create(CultureInfo.InvariantCulture, $"rtol {Relative:G4}, atol {Absolute:0.##e0}");
}
