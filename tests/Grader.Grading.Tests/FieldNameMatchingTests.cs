using CsCheck;
using Grader.Grading.Answers;

namespace Grader.Grading.Tests;

public class FieldNameMatchingTests
{
    // The normalization as the grading library first defined it: building both strings and comparing them.
    private static string Normalized(string name) =>
        string.Concat(name.Select(c => c switch
        {
            '∂' => 'd',
            >= '₀' and <= '₉' => (char)('0' + (c - '₀')),
            _ => c,
        }).Where(c => char.IsLetterOrDigit(c) || c == '.')).ToLowerInvariant();

    [Fact]
    public void Names_match_as_their_normalized_forms_compare_without_building_them()
    {
        // Letters, digits and the characters a field name is written with: separators, ∂, subscripts, case, other scripts.
        var names = Gen.Char["aZz019_ /.-∂₀₁₉ÉéΣσ\t\u00a0İı"].Array[0, 8].Select(chars => new string(chars));
        Gen.Select(names, names).Sample((given, name) =>
            FieldNames.Matches(given, name) == (Normalized(given) == Normalized(name))
            && FieldNames.Matches(given, given) && FieldNames.Matches(given, Normalized(given)));

        FieldNames.Matches("∂z1/∂W₁", "dz1 dw1");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var matched = FieldNames.Matches("∂z1/∂W₁", "dz1 dw1") && !FieldNames.Matches("Z_1", "z2") && FieldNames.Matches("area beta1", "areaBeta1");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(matched);
        Assert.Equal(0, allocated);
    }
}
