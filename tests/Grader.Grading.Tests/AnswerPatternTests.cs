using System.Globalization;
using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Grading.Tests;

/// <summary>
/// Wrong answers to a randomized problem are described against the student's own reference, so the same mistake on two
/// students' numbers is one pattern in the summary, while their raw answers differ.
/// </summary>
public class AnswerPatternTests
{
    private const string Salt = "course-salt-1";
    private static readonly VariantKey Ada = new("cs189", "hw2", "ada");
    private static readonly VariantKey Bob = new("cs189", "hw2", "bob");

    [Fact]
    public void Two_students_who_flip_the_same_signs_on_their_own_numbers_share_one_pattern()
    {
        var problem = Catalog.Problem("cs189-dis4-randomized");
        var ada = problem.Variants!.ForStudent(Salt, Ada);
        var bob = problem.Variants.ForStudent(Salt, Bob);

        var adaResult = Part(ada, "1d", BackpropWithFlippedInputGradients(ada.Variant.Values));
        var bobResult = Part(bob, "1d", BackpropWithFlippedInputGradients(bob.Variant.Values));

        Assert.NotEqual(ada.Variant.Values["z"], bob.Variant.Values["z"]);
        Assert.Equal(PartStatus.Partial, adaResult.Status);
        Assert.Equal("df_dx: negated; df_dy: negated", adaResult.Pattern);
        Assert.Equal(adaResult.Pattern, bobResult.Pattern);
    }

    [Fact]
    public void Two_students_who_double_their_own_parameter_count_share_a_factor_pattern()
    {
        var problem = Catalog.Problem("cs189-dis4-randomized");
        var ada = problem.Variants!.ForStudent(Salt, Ada);
        var bob = problem.Variants.ForStudent(Salt, Bob);

        var adaResult = Part(ada, "3b", 2 * ParameterCount(ada.Variant.Values));
        var bobResult = Part(bob, "3b", 2 * ParameterCount(bob.Variant.Values));
        var bobOff = Part(bob, "3b", ParameterCount(bob.Variant.Values) + 7);

        Assert.NotEqual(ParameterCount(ada.Variant.Values), ParameterCount(bob.Variant.Values));
        Assert.Equal(("×2", "×2"), (adaResult.Pattern, bobResult.Pattern));
        Assert.Equal("other", bobOff.Pattern);
    }

    [Fact]
    public void A_fixed_problem_keeps_raw_answers_and_a_right_part_has_no_pattern()
    {
        var handout = Catalog.Problem("cs189-dis4");
        var v = new Dictionary<string, double> { ["x"] = -2, ["y"] = 5, ["z"] = -4 };
        var ada = Catalog.Problem("cs189-dis4-randomized").Variants!.ForStudent(Salt, Ada);

        Assert.Null(Part(handout, "1d", BackpropWithFlippedInputGradients(v)).Pattern);
        Assert.Null(Part(ada, "3b", ParameterCount(ada.Variant.Values)).Pattern);
    }

    [Fact]
    public void A_matrix_answer_is_recognised_transposed_negated_zero_or_scaled()
    {
        var reference = Grader.Engine.Linear.Matrix.FromRowMajor(2, 3, [1, 2, 3, 4, 5, 6]);
        var square = Grader.Engine.Linear.Matrix.FromRowMajor(2, 2, [1, 2, 3, 4]);
        var tolerance = new Tolerance(0.01, 1e-8);

        Assert.Equal("transposed", AnswerPatterns.Relation(reference.Transpose(), reference, tolerance));
        Assert.Equal("negated, transposed", AnswerPatterns.Relation(square.Transpose().Negate(), square, tolerance));
        Assert.Equal("negated", AnswerPatterns.Relation(reference.Negate(), reference, tolerance));
        Assert.Equal("zero", AnswerPatterns.Relation(Grader.Engine.Linear.Matrix.Zeros(2, 3), reference, tolerance));
        Assert.Equal("×0.5", AnswerPatterns.Relation(reference.Scale(0.5), reference, tolerance));
        Assert.Equal("wrong shape", AnswerPatterns.Relation(Grader.Engine.Linear.Matrix.Zeros(1, 3), reference, tolerance));
    }

    private static PartResult Part(Problem problem, string partId, object answer)
    {
        using var answers = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object> { [partId] = answer }));
        return problem.Grade(answers.RootElement).Parts.Single(part => part.PartId == partId);
    }

    // Forward values and ∂f/∂q, ∂f/∂z right; ∂f/∂x and ∂f/∂y with the wrong sign.
    private static Dictionary<string, double> BackpropWithFlippedInputGradients(IReadOnlyDictionary<string, double> v)
    {
        var q = v["x"] + v["y"];
        return new() { ["q"] = q, ["f"] = q * v["z"], ["df_dq"] = v["z"], ["df_dz"] = q, ["df_dx"] = -v["z"], ["df_dy"] = -v["z"] };
    }

    private static double ParameterCount(IReadOnlyDictionary<string, double> v) =>
        (v["n0"] + 1) * v["n1"] + (v["n1"] + 1) * v["n2"] + (v["n2"] + 1) * v["n3"];
}
