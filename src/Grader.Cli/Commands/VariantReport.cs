using System.Globalization;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Cli.Commands;

/// <summary>check's part for a randomized problem: sample its variants, print the spread of each reference, name the failures.</summary>
internal static class VariantReport
{
    // Enough to show the pattern and a seed to reproduce it with; the count says how many more.
    private const int FailuresShown = 10;

    /// <summary>True when every sampled variant is well posed; failures go to stderr with their part and seed.</summary>
    public static bool Survey(Problem problem, int count)
    {
        var survey = VariantSurvey.Run(problem, count);
        Console.WriteLine($"  variants: {string.Join("; ", problem.Variants!.Parameters.Select(p => $"{p.Name} {p.Description}"))}");
        Console.WriteLine($"  spread of the references over {count} variants (min … max, mean):");
        foreach (var spread in survey.Spreads)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {spread.Label,-22} {spread.Min,12:G6} … {spread.Max,-12:G6} {spread.Mean:G6}"));
        }
        Console.WriteLine();
        foreach (var failure in survey.Failures.Take(FailuresShown))
        {
            Console.Error.WriteLine($"error: {problem.Id}, seed {failure.Seed.ToString(CultureInfo.InvariantCulture)}: {failure.Reason}");
        }
        if (survey.Failures.Count > FailuresShown)
        {
            Console.Error.WriteLine($"error: {problem.Id}: {survey.Failures.Count - FailuresShown} more failures in {count} variants");
        }
        return survey.WellPosed;
    }
}
