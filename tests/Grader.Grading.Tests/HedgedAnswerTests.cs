using Grader.Grading.Judging;

namespace Grader.Grading.Tests;

/// <summary>A values answer that gives one field twice under two spellings earns nothing for that field.</summary>
public class HedgedAnswerTests
{
    [Theory]
    [InlineData("""{"q": 3, "f": -12, "df_dq": -4, "df/dq": 4, "df_dz": 3, "df_dx": -4, "df_dy": -4}""", "\"df_dq\" and \"df/dq\"")]
    [InlineData("""{"q": 3, "f": -12, "df_dq": 4, "df/dq": -4, "df_dz": 3, "df_dx": -4, "df_dy": -4}""", "\"df_dq\" and \"df/dq\"")]
    [InlineData("""{"q": 3, "Q": 2, "f": -12, "df_dq": -4, "df_dz": 3, "df_dx": -4, "df_dy": -4}""", "\"q\" and \"Q\"")]
    public void A_field_given_twice_with_two_values_earns_no_credit_and_is_named(string answer, string spellings)
    {
        var result = Grading.Part("cs189-dis4", "1d", answer);

        Assert.Equal(PartStatus.Partial, result.Status);
        Assert.Equal(5.0 / 6 * result.MaxScore, result.Score, 9);
        Assert.Contains($"given twice with different values ({spellings})", result.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_given_twice_with_the_same_value_is_not_a_hedge()
    {
        var result = Grading.Part("cs189-dis4", "1d", """{"q": 3, "f": -12, "df_dq": -4, "df/dq": "-4", "df_dz": 3, "df_dx": -4, "df_dy": -4}""");

        Assert.Equal(PartStatus.Correct, result.Status);
    }
}
