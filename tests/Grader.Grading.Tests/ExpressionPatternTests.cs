using System.Globalization;
using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Grading.Tests;

/// <summary>
/// A wrong expression to a part whose reference differs between variants (hw4's gradient step from the student's own
/// point) is described against the student's own reference, so the same slip on two students' numbers is one pattern,
/// while a symbolic part, the same for everyone, keeps grouping by the raw answer.
/// </summary>
public class ExpressionPatternTests
{
    private const string Salt = "course-salt-1";
    private static readonly Problem Randomized = Catalog.Problem("mit-6036-s17-hw4-randomized");
    private static readonly Problem Ada = Randomized.Variants!.ForStudent(Salt, new VariantKey("6.036", "hw4", "ada"));
    private static readonly Problem Bob = Randomized.Variants!.ForStudent(Salt, new VariantKey("6.036", "hw4", "bob"));

    [Fact]
    public void Two_students_who_step_uphill_on_their_own_numbers_share_one_pattern()
    {
        var adaText = $"{Number(Ada.Variant.Values["w1"])} + {Number(Slope(Ada))}*eta";
        var bobText = $"{Number(Bob.Variant.Values["w1"])} + {Number(Slope(Bob))}*eta";
        var ada = Step(Ada, adaText);
        var bob = Step(Bob, bobText);

        Assert.NotEqual(adaText, bobText);
        Assert.Equal(PartStatus.Incorrect, ada.Status);
        Assert.Equal("start: right; slope: negated", ada.Pattern);
        Assert.Equal(ada.Pattern, bob.Pattern);
    }

    [Fact]
    public void A_step_that_forgets_the_start_or_is_negated_is_named_so_on_anyones_numbers()
    {
        Assert.Equal("start: zero; slope: right", Step(Ada, $"-{Number(Slope(Ada))}*eta").Pattern);
        Assert.Equal("start: zero; slope: right", Step(Bob, $"-{Number(Slope(Bob))}*eta").Pattern);
        Assert.Equal("negated", Step(Ada, $"-({Number(Ada.Variant.Values["w1"])} - {Number(Slope(Ada))}*eta)").Pattern);
        Assert.Equal("negated", Step(Bob, $"-({Number(Bob.Variant.Values["w1"])} - {Number(Slope(Bob))}*eta)").Pattern);
    }

    [Fact]
    public void An_answer_that_is_not_a_line_in_the_rate_groups_by_its_form_without_numbers()
    {
        var ada = Step(Ada, $"{Number(Ada.Variant.Values["w1"])} - {Number(Slope(Ada))}*eta^2");
        var bob = Step(Bob, $"{Number(Bob.Variant.Values["w1"])}-{Number(Slope(Bob))} * eta^2");

        Assert.Equal("form: # - #*eta^#", ada.Pattern);
        Assert.Equal(ada.Pattern, bob.Pattern);
    }

    [Fact]
    public void A_symbolic_part_and_a_right_answer_have_no_pattern()
    {
        using var symbolic = JsonDocument.Parse("""{"3c.w1": "x*w2"}""");
        var wrong = Ada.Grade(symbolic.RootElement).Parts.Single(part => part.PartId == "3c.w1");
        var right = Step(Ada, $"{Number(Ada.Variant.Values["w1"])} - {Number(Slope(Ada))}*eta");

        Assert.Equal(PartStatus.Incorrect, wrong.Status);
        Assert.Null(wrong.Pattern);
        Assert.Equal(PartStatus.Correct, right.Status);
        Assert.Null(right.Pattern);
    }

    [Fact]
    public void Checks_spread_includes_the_gradient_steps_reference_and_not_the_symbolic_parts()
    {
        var spreads = VariantSurvey.Run(Randomized, 40).Spreads;

        var step = Assert.Single(spreads, spread => spread.Label == "3d.update at point 1");
        Assert.True(step.Min < step.Max, "the step's reference differs between variants");
        Assert.DoesNotContain(spreads, spread => spread.Label.StartsWith("3c.w1", StringComparison.Ordinal));
    }

    private static PartResult Step(Problem problem, string answer)
    {
        using var answers = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object> { ["3d.update"] = answer }));
        return problem.Grade(answers.RootElement).Parts.Single(part => part.PartId == "3d.update");
    }

    // ∂C/∂w1 at the student's own point: part 3d's first field.
    private static double Slope(Problem problem) =>
        ReferenceNumbers.Of(problem.FindPart("3d")!).Single(number => number.Label == "3d dC_dw1").Value;

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
