using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.Loading;

namespace Grader.Grading.Tests;

/// <summary>Error-carried-forward: a later part right given the student's own earlier answer earns its credit, tagged.</summary>
public class CarriedCreditTests
{
    private const string RightDw2 = "\"dC_dw2\": -0.00416183";

    [Fact]
    public void A_step_right_with_the_students_own_wrong_gradient_earns_full_credit_and_says_so()
    {
        var result = Grade("mit-6036-s17-hw4", "3d.update", $$"""{"3d": {"dC_dw1": 1.5, {{RightDw2}}}, "3d.update": "0.01 - 1.5*eta"}""");

        Assert.Equal(PartStatus.Correct, result.Status);
        Assert.Equal(result.MaxScore, result.Score);
        Assert.StartsWith("Correct using your answer to 3d (dC_dw1 = 1.5).", result.Feedback, StringComparison.Ordinal);
        Assert.Equal(["carried-forward"], result.Tags);
        Assert.Equal("carried-forward", GradeReportJson.ToJson(result)["tags"]![0]!.GetValue<string>());
    }

    [Fact]
    public void A_step_with_a_gradient_of_its_own_is_wrong_when_the_earlier_answer_was_right()
    {
        var result = Grade("mit-6036-s17-hw4", "3d.update", $$"""{"3d": {"dC_dw1": 2.0809, {{RightDw2}}}, "3d.update": "0.01 - 1.5*eta"}""");

        Assert.Equal(PartStatus.Incorrect, result.Status);
        Assert.Empty(result.Tags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"3d\": \"about two\",")]
    [InlineData("\"3d\": {\"dC_dw1\": 1.5, \"dC/dw1\": 2, \"dC_dw2\": 0},")]
    public void Nothing_is_carried_from_a_missing_unreadable_or_hedged_earlier_answer(string earlier)
    {
        var result = Grade("mit-6036-s17-hw4", "3d.update", $$"""{ {{earlier}} "3d.update": "0.01 - 1.5*eta"}""");

        Assert.Equal(PartStatus.Incorrect, result.Status);
        Assert.Empty(result.Tags);
        Assert.Contains("No credit carried from 3d", result.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_carried_when_the_earlier_answer_makes_the_part_trivial()
    {
        var result = Grade("mit-6036-s17-hw4", "3d.update", $$"""{"3d": {"dC_dw1": 0, {{RightDw2}}}, "3d.update": "0.01"}""");

        Assert.Equal(PartStatus.Incorrect, result.Status);
        Assert.Contains("with dC_dw1 = 0 this part would be trivial", result.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2c", "1.2")]
    [InlineData("2d", "18")]
    public void A_wrong_chain_factor_carries_into_the_step_and_the_offset_gradient(string partId, string answer)
    {
        // dz2/da1 given as 3 instead of 4: ∂L/∂w1 = 18 instead of 24, so w1 = 3 − 0.1·18 = 1.2 and ∂L/∂w0¹ = 18.
        var chain = """{"dz1_dw1": 1, "da1_dz1": 1, "dz2_da1": 3, "da2_dz2": 1, "dz3_da2": 1, "da3_dz3": 1, "dz4_da3": 1, "dg_dz4": 1, "dL_dg": 6}""";

        var result = Grade("mit-6390-rec6", partId, $$"""{"2b": {{chain}}, "{{partId}}": {{answer}}}""");

        Assert.Equal(PartStatus.Correct, result.Status);
        Assert.Contains("Correct using your answer to 2b", result.Feedback, StringComparison.Ordinal);
        Assert.Equal(["carried-forward"], result.Tags);
    }

    [Fact]
    public void A_carried_reference_that_disagrees_with_the_computed_one_fails_the_load()
    {
        var text = File.ReadAllText(Path.Combine(Catalog.RepositoryRoot(), "problems", "mit-6390-rec6.yaml"))
            .Replace("3 - 0.1*dz1_dw1", "3 - 0.2*dz1_dw1", StringComparison.Ordinal);

        var exception = Assert.Throws<ProblemFileException>(() => ProblemLoader.LoadText(text, "rec6.yaml"));

        Assert.Contains("part 2c", exception.Message, StringComparison.Ordinal);
        Assert.Contains("check 'reference'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Carried_credit_may_be_a_fraction_of_the_points()
    {
        var text = File.ReadAllText(Path.Combine(Catalog.RepositoryRoot(), "problems", "mit-6036-s17-hw4.yaml"))
            .Replace("carriedFrom: { part: \"3d\", field: dC_dw1 }", "carriedFrom: { part: \"3d\", field: dC_dw1, credit: 0.5 }",
                StringComparison.Ordinal);
        var problem = ProblemLoader.LoadText(text, "hw4.yaml");
        using var answers = JsonDocument.Parse($$"""{"3d": {"dC_dw1": 1.5, {{RightDw2}}}, "3d.update": "0.01 - 1.5*eta"}""");

        var result = problem.Grade(answers.RootElement).Parts.Single(part => part.PartId == "3d.update");

        Assert.Equal(PartStatus.Partial, result.Status);
        Assert.Equal(0.5 * result.MaxScore, result.Score);
    }

    [Fact]
    public void A_wrong_forward_value_carries_along_the_backprop_chain_of_a_values_part()
    {
        // q = 7 instead of 3: f = 7·(−4) = −28 and ∂f/∂z = q = 7 are right given it; ∂f/∂q, ∂f/∂x, ∂f/∂y are simply right.
        var result = Grading.Part("cs189-dis4", "1d", """{"q": 7, "f": -28, "df_dq": -4, "df_dz": 7, "df_dx": -4, "df_dy": -4}""");

        Assert.Equal(PartStatus.Partial, result.Status);
        Assert.Equal(result.MaxScore * 5 / 6, result.Score, 9);
        Assert.Contains("3 of 6 correct, 2 more carried forward", result.Feedback, StringComparison.Ordinal);
        Assert.Contains("f: correct using your q = 7.", result.Feedback, StringComparison.Ordinal);
        Assert.Equal(["carried-forward"], result.Tags);
    }

    [Theory]
    [InlineData("""{"q": 0, "f": 0, "df_dq": -4, "df_dz": 0, "df_dx": -4, "df_dy": -4}""")]
    [InlineData("""{"q": 1, "f": -4, "df_dq": 1, "df_dz": 1, "df_dx": 1, "df_dy": 1}""")]
    [InlineData("""{"q": 3, "f": -28, "df_dq": -4, "df_dz": 3, "df_dx": -4, "df_dy": -4}""")]
    [InlineData("""{"f": -28, "df_dq": -4, "df_dz": 7, "df_dx": -4, "df_dy": -4}""")]
    public void Nothing_is_carried_along_the_chain_from_a_zero_right_or_missing_value(string answer)
    {
        var result = Grading.Part("cs189-dis4", "1d", answer);

        Assert.DoesNotContain("carried forward", result.Feedback, StringComparison.Ordinal);
        Assert.Empty(result.Tags);
    }

    [Fact]
    public void A_chain_formula_that_disagrees_with_the_computed_fields_fails_the_load()
    {
        var text = File.ReadAllText(Path.Combine(Catalog.RepositoryRoot(), "problems", "cs189-dis4.yaml"))
            .Replace("f: \"-4*q\"", "f: \"4*q\"", StringComparison.Ordinal);

        var exception = Assert.Throws<ProblemFileException>(() => ProblemLoader.LoadText(text, "dis4.yaml"));

        Assert.Contains("'f: 4*q' gives", exception.Message, StringComparison.Ordinal);
    }

    private static PartResult Grade(string problemId, string partId, string answersJson)
    {
        using var answers = JsonDocument.Parse(answersJson);
        return Catalog.Problem(problemId).Grade(answers.RootElement).Parts.Single(part => part.PartId == partId);
    }
}
