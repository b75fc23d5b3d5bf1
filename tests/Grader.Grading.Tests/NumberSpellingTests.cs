using Grader.Grading.Judging;

namespace Grader.Grading.Tests;

/// <summary>The spellings of a number that are accepted, and the refusals that say what to write instead.</summary>
public class NumberSpellingTests
{
    [Theory]
    [InlineData("\"≈ 0.6\"")]
    [InlineData("\"~0.6\"")]
    [InlineData("\"60%\"")]
    [InlineData("\"≈ 60 %\"")]
    [InlineData("[[0.6]]")]
    [InlineData("[[\"0.6\"]]")]
    public void A_number_in_a_student_spelling_is_read(string answer)
    {
        Assert.Equal(PartStatus.Correct, Grading.Part("mit-6390-rec6", "2c", answer).Status);
    }

    [Theory]
    [InlineData("\"6 x 10^-1\"", "'x' reads as a name, not as a times sign; write 6 × 10^-1, 6*10^-1 or 6e-1")]
    [InlineData("\"0.6 units\"", "write the number alone (0.6), without the unit 'units'")]
    [InlineData("\"0,6\"", "decimal comma")]
    [InlineData("\"0,600\"", "decimal comma")]
    [InlineData("[0.6]", "Expected a number, got an array")]
    public void An_ambiguous_number_is_refused_with_what_to_write(string answer, string message)
    {
        var result = Grading.Part("mit-6390-rec6", "2c", answer);

        Assert.Equal(PartStatus.Invalid, result.Status);
        Assert.Contains(message, result.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Square_units_are_named_in_the_refusal()
    {
        var result = Grading.Part("mit-6036-s17-hw4", "1c.area0", "\"4 square units\"");

        Assert.Equal(PartStatus.Invalid, result.Status);
        Assert.Contains("without the unit 'square units'", result.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"5,000\"")]
    [InlineData("\"5 000\"")]
    [InlineData("\"5_000\"")]
    public void A_design_number_may_group_its_thousands(string w1)
    {
        var result = Grading.Part("mit-6390-rec6", "1e", $$"""{"w1": {{w1}}, "w2": -5, "v1": 0.0001, "v2": -0.4}""");

        Assert.Equal(PartStatus.Correct, result.Status);
    }

    [Fact]
    public void A_percent_is_not_a_network_weight()
    {
        var result = Grading.Part("mit-6390-rec6", "1e", """{"w1": 5, "w2": -5, "v1": "10%", "v2": -0.4}""");

        Assert.Equal(PartStatus.Invalid, result.Status);
        Assert.Contains("a percent is read only where the answer is a probability or a fraction", result.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"[0.1192, 0.8808]\"")]
    [InlineData("\"o1 = 0.1192; o2 = 0.8808\"")]
    [InlineData("[[0.1192], [0.8808]]")]
    public void A_values_answer_in_the_prompts_order_or_as_text_is_read(string answer)
    {
        Assert.Equal(PartStatus.Correct, Grading.Part("mit-6036-s17-hw4", "1c.out0", answer).Status);
    }
}
