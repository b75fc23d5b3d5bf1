using System.Globalization;
using Grader.Engine.Sampling;

namespace Grader.Grading.Variants;

/// <summary>
/// A named number of a problem file that varies between students: where its values come from, and the handout's value,
/// which is the variant every student gets when nothing is drawn.
/// </summary>
public sealed class Parameter
{
    internal Parameter(string name, IReadOnlyList<double> values, double handout, string description)
    {
        Name = name;
        Values = values;
        Handout = handout;
        Description = description;
    }

    public string Name { get; }

    /// <summary>Every value a draw can give, in order (a grid, an integer range, a list or ±1): all distributions are finite.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The handout's number: the default variant.</summary>
    public double Handout { get; }

    /// <summary>How the file declared it, e.g. "uniform on [-3, 3] step 0.5".</summary>
    public string Description { get; }

    /// <summary>One value, uniformly among <see cref="Values"/>.</summary>
    public double Draw(SeededRandom random) => Values[random.NextIndex(Values.Count)];

    /// <summary>True when a draw could give <paramref name="value"/> (an instructor's override must be one of them).</summary>
    public bool Allows(double value) => Values.Any(candidate => Math.Abs(candidate - value) <= 1e-9 * Math.Max(1, Math.Abs(value)));

    /// <summary>A number as it appears in the substituted file and in prompts: shortest round-trip, invariant culture.</summary>
    public static string Format(double value) => (value == 0 ? 0.0 : value).ToString("R", CultureInfo.InvariantCulture);
}
