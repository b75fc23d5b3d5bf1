using System.Globalization;
using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Grading.Tests;

/// <summary>Randomized problems: each student's variant is drawn from a stable seed and graded against its own references.</summary>
public class VariantTests
{
    private const string Salt = "course-salt-1";
    private static readonly VariantKey Ada = new("cs189", "hw2", "ada");
    private static readonly VariantKey Bob = new("cs189", "hw2", "bob");

    [Fact]
    public void A_students_seed_is_a_stable_hash_of_salt_and_ids()
    {
        var seed = VariantSeed.For(Salt, "cs189-dis4-randomized", Ada);
        Assert.Equal(seed, VariantSeed.For(Salt, "cs189-dis4-randomized", Ada with { }));
        // Pinned: SHA-256 gives this on every machine and runtime (string.GetHashCode would change with every process).
        Assert.Equal(12659581554154867832UL, seed);
        Assert.NotEqual(seed, VariantSeed.For(Salt, "cs189-dis4-randomized", Bob));
        Assert.NotEqual(seed, VariantSeed.For("another-salt", "cs189-dis4-randomized", Ada));
        Assert.NotEqual(seed, VariantSeed.For(Salt, "cs189-dis4-randomized", new VariantKey("cs189", "hw3", "ada")));
    }

    [Fact]
    public void A_students_right_answer_is_correct_for_their_variant_and_not_for_another_students()
    {
        var problem = Catalog.Problem("cs189-dis4-randomized");
        var ada = problem.Variants!.ForStudent(Salt, Ada);
        var bob = problem.Variants.ForStudent(Salt, Bob);
        Assert.NotEqual(ada.Variant.Values, bob.Variant.Values);
        using var answer = StagedComputation(ada.Variant.Values);

        Assert.Equal(PartStatus.Correct, ada.Grade(answer.RootElement).Parts.Single(part => part.PartId == "1d").Status);
        Assert.NotEqual(PartStatus.Correct, bob.Grade(answer.RootElement).Parts.Single(part => part.PartId == "1d").Status);
        Assert.Contains(Number(ada.Variant.Values["z"]), ada.FindPart("1d")!.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_q_carries_into_f_with_the_students_own_z()
    {
        var ada = Catalog.Problem("cs189-dis4-randomized").Variants!.ForStudent(Salt, Ada);
        var v = ada.Variant.Values;
        var wrongQ = v["x"] + v["y"] + 1;
        using var answer = JsonDocument.Parse(
            $"{{\"1d\": {{\"q\": {Number(wrongQ)}, \"f\": {Number(wrongQ * v["z"])}, \"df_dq\": {Number(v["z"])}, \"df_dz\": {Number(wrongQ)}, \"df_dx\": {Number(v["z"])}, \"df_dy\": {Number(v["z"])}}}}}");
        var result = ada.Grade(answer.RootElement).Parts.Single(part => part.PartId == "1d");
        // q is wrong; f and ∂f/∂z are right for that q in Ada's numbers, so only q loses its share.
        Assert.Equal(PartStatus.Partial, result.Status);
        Assert.Equal(3.0 * 5 / 6, result.Score, 6);
    }

    [Fact]
    public void Every_variant_of_the_staged_computation_matches_a_plain_recomputation()
    {
        var variants = Catalog.Problem("cs189-dis4-randomized").Variants!;
        for (var seed = 1UL; seed <= 50; seed++)
        {
            var variant = variants.ForSeed(seed);
            using var answer = StagedComputation(variant.Variant.Values);
            var values = variant.Variant.Values;
            var sizes = new[] { values["n0"], values["n1"], values["n2"], values["n3"] };
            var count = Enumerable.Range(1, 3).Sum(l => sizes[l] * (sizes[l - 1] + 1));
            using var layers = JsonDocument.Parse($"{{\"3b\": {count.ToString(CultureInfo.InvariantCulture)}}}");
            Assert.Equal(PartStatus.Correct, variant.Grade(answer.RootElement).Parts.Single(part => part.PartId == "1d").Status);
            Assert.Equal(PartStatus.Correct, variant.Grade(layers.RootElement).Parts.Single(part => part.PartId == "3b").Status);
            Assert.True(Math.Abs(values["x"] + values["y"]) >= 1, "the constraint abs(x + y) >= 1 holds");
        }
    }

    [Fact]
    public void Every_variant_of_the_regions_and_gradients_matches_a_plain_recomputation()
    {
        var variants = Catalog.Problem("mit-6036-s17-hw4-randomized").Variants!;
        for (var seed = 1UL; seed <= 30; seed++)
        {
            var problem = variants.ForSeed(seed);
            var v = problem.Variant.Values;
            // The four hidden units are all off on the square |x1|, |x2| ≤ c/k: its area is (2c/k)².
            using var area = JsonDocument.Parse($"{{\"1c.area0\": {Number(Math.Pow(2 * v["c"] / v["k"], 2))}}}");
            var y = 1 / (1 + Math.Exp(-(v["w2"] * Math.Max(0, v["w1"] * v["x"]) + v["b"])));
            var common = (y - 1) * y * (1 - y);
            using var gradient = JsonDocument.Parse(
                $"{{\"3d\": {{\"dC_dw1\": {Number(common * v["w2"] * v["x"])}, \"dC_dw2\": {Number(common * v["w1"] * v["x"])}}}}}");
            Assert.Equal(PartStatus.Correct, problem.Grade(area.RootElement).Parts.Single(part => part.PartId == "1c.area0").Status);
            Assert.Equal(PartStatus.Correct, problem.Grade(gradient.RootElement).Parts.Single(part => part.PartId == "3d").Status);
        }
    }

    [Fact]
    public void The_handout_variant_has_the_original_problems_references()
    {
        var original = Catalog.Problem("mit-6036-s17-hw4");
        var handout = Catalog.Problem("mit-6036-s17-hw4-randomized");
        Assert.Equal(VariantOrigin.Handout, handout.Variant.Origin);
        // (3d.update's sample points are seeded by the problem id, so its description differs in the first point only.)
        foreach (var id in new[] { "1a", "1c.area0", "1c.out0", "1c.out1", "1c.out3", "2a", "3d" })
        {
            Assert.Equal(original.FindPart(id)!.DescribeReference(), handout.FindPart(id)!.DescribeReference());
        }
        Assert.Equal(original.FindPart("1a")!.Prompt, handout.FindPart("1a")!.Prompt);
    }

    [Fact]
    public void A_variant_keeps_its_numbers_after_an_edit_that_leaves_the_parameters_alone()
    {
        var text = File.ReadAllText(Path.Combine(Catalog.RepositoryRoot(), "problems", "cs189-dis4-randomized.yaml"));
        var edited = text.Replace("Decompose f(x, y, z)", "Split f(x, y, z)", StringComparison.Ordinal);
        var before = ProblemLoader.LoadText(text, "before.yaml");
        var after = ProblemLoader.LoadText(edited, "after.yaml");
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(before.Variants!.ForStudent(Salt, Ada).Variant.Values, after.Variants!.ForStudent(Salt, Ada).Variant.Values);
    }

    [Fact]
    public void An_instructor_override_sets_values_a_draw_could_give_and_refuses_others()
    {
        var variants = Catalog.Problem("cs189-dis4-randomized").Variants!;
        var chosen = variants.For(new VariantOverride(7, new Dictionary<string, double> { ["z"] = 2.5 }));
        Assert.Equal(VariantOrigin.Override, chosen.Variant.Origin);
        Assert.Equal(2.5, chosen.Variant.Values["z"]);
        Assert.Equal(variants.ForSeed(7).Variant.Values["x"], chosen.Variant.Values["x"]);
        Assert.Contains("not a value of", Assert.Throws<VariantException>(() =>
            variants.For(new VariantOverride(null, new Dictionary<string, double> { ["z"] = 0.25 }))).Message, StringComparison.Ordinal);
        Assert.Contains("does not hold", Assert.Throws<VariantException>(() =>
            variants.For(new VariantOverride(null, new Dictionary<string, double> { ["x"] = 2, ["y"] = -2 }))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answers_file_with_a_seed_is_graded_against_that_variant()
    {
        var problems = new Dictionary<string, Problem> { ["cs189-dis4-randomized"] = Catalog.Problem("cs189-dis4-randomized") };
        using var answer = StagedComputation(problems["cs189-dis4-randomized"].Variants!.ForSeed(12).Variant.Values);
        var file = Path.GetTempFileName();
        try
        {
            var body = $"\"problem\": \"cs189-dis4-randomized\", \"answers\": {answer.RootElement.GetRawText()}, \"expect\": {{\"1d\": \"correct\"}}";
            File.WriteAllText(file, $"{{\"seed\": \"12\", {body}}}");
            Assert.Empty(Regression.AnswerRegression.Run(file, problems));
            File.WriteAllText(file, $"{{{body}}}");
            Assert.Contains("correct was expected", Assert.Single(Regression.AnswerRegression.Run(file, problems)), StringComparison.Ordinal);
            File.WriteAllText(file, $"{{\"seed\": -1, {body}}}");
            Assert.Contains("'seed' must be a whole number", Assert.Single(Regression.AnswerRegression.Run(file, problems)), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_cache_keeps_the_most_recent_variants_and_no_more()
    {
        var problem = Catalog.Problem("cs189-dis4-randomized");
        var cache = new VariantCache(capacity: 2);
        var first = cache.ForSeed(problem, 1);
        Assert.Same(first, cache.ForSeed(problem, 1));
        cache.ForSeed(problem, 2);
        cache.ForSeed(problem, 3);
        Assert.Equal(2, cache.Count);
        Assert.NotSame(first, cache.ForSeed(problem, 1));
        Assert.Same(Catalog.Problem("cs189-dis4"), cache.ForSeed(Catalog.Problem("cs189-dis4"), 1));
    }

    [Fact]
    public void Variants_built_on_many_threads_equal_those_built_one_by_one()
    {
        var variants = Catalog.Problem("mit-6036-s17-hw4-randomized").Variants!;
        var seeds = Enumerable.Range(100, 24).Select(seed => (ulong)seed).ToList();
        var parallel = seeds.AsParallel().WithDegreeOfParallelism(4).Select(seed => (seed, Describe(variants.ForSeed(seed)))).ToList();
        foreach (var (seed, description) in parallel)
        {
            Assert.Equal(Describe(variants.ForSeed(seed)), description);
        }
    }

    private static string Describe(Problem problem) =>
        problem.Variant + string.Concat(problem.Parts.Select(part => "\n" + part.Prompt + " " + part.DescribeReference()));

    [Fact]
    public void A_variant_at_a_kink_is_reported_with_its_part_and_seed()
    {
        var problem = ProblemLoader.LoadText(Kinked("integer: [-2, 2], handout: 1"), "kinked.yaml");
        var survey = VariantSurvey.Run(problem, 40);
        Assert.False(survey.WellPosed);
        var failure = survey.Failures[0];
        Assert.Contains("part p", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(0, problem.Variants!.ForSeed(failure.Seed).Variant.Values["a"]);

        var fixedUp = ProblemLoader.LoadText(Kinked("integer: [-2, 2], except: [0], handout: 1"), "fixed.yaml");
        Assert.True(VariantSurvey.Run(fixedUp, 40).WellPosed);
    }

    [Fact]
    public void Constraints_no_draw_can_meet_fail_with_the_seed()
    {
        // Only the handout's a = 100 of 10,001 values meets the constraint: 64 draws almost never find it.
        var problem = ProblemLoader.LoadText(Kinked("uniform: [0, 100], step: 0.01, handout: 100") + "constraints: [\"a >= 100\"]\n", "strict.yaml");
        var failure = VariantSurvey.Run(problem, 40).Failures.First();
        Assert.Contains("no draw of 64 satisfies the constraints", failure.Reason, StringComparison.Ordinal);
        Assert.Throws<VariantException>(() => problem.Variants!.ForSeed(failure.Seed));
    }

    [Fact]
    public void An_accepts_constraint_grades_the_witness_answer_in_every_variant()
    {
        var right = Kinked("integer: [1, 3], handout: 1") + "constraints: [{ part: p, accepts: { slope: $a } }]\n";
        Assert.True(VariantSurvey.Run(ProblemLoader.LoadText(right, "right.yaml"), 20).WellPosed);

        var wrong = Kinked("integer: [1, 3], handout: 1") + "constraints: [{ part: p, accepts: { slope: $(a + 1) } }]\n";
        var check = ProblemLoader.CheckText(wrong, "wrong.yaml");
        Assert.False(check.Loaded);
        Assert.Contains("the handout values: part p: the answer in 'accepts' is graded incorrect", check.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("integer: [-2, 2], handout: 7", "the handout value 7 is not one the distribution can draw")]
    [InlineData("uniform: [0, 1], handout: 0", "needs a 'step'")]
    [InlineData("choice: [1, 2], integer: [1, 2]", "give exactly one of")]
    [InlineData("sign: true, except: [-1, 1]", "no value is left")]
    public void Parameter_mistakes_are_check_errors(string declaration, string message)
    {
        var check = ProblemLoader.CheckText(Kinked(declaration), "bad.yaml");
        Assert.False(check.Loaded);
        Assert.Contains(message, check.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("parameter a", check.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_parameter_is_a_check_error_with_its_line()
    {
        var check = ProblemLoader.CheckText(Kinked("integer: [1, 2]").Replace("a: $a", "a: $aa", StringComparison.Ordinal), "typo.yaml");
        Assert.Contains("unknown parameter '$aa' (declared: a)", check.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("line", check.Errors[0].Message, StringComparison.Ordinal);
    }

    private static string Kinked(string declaration) => $$"""
        id: kinked
        title: A relu at a drawn point
        course: tests
        parameters:
          a: { {{declaration}} }
        parts:
          - id: p
            kind: values
            prompt: "The slope of relu(a*x) in x at x = 1, a = $a."
            reference:
              graph:
                definitions: { f: "relu(a*x)" }
                at: { x: 1, a: $a }
              fields: { slope: df/dx }

        """;

    private static JsonDocument StagedComputation(IReadOnlyDictionary<string, double> v)
    {
        var (x, y, z) = (v["x"], v["y"], v["z"]);
        var q = x + y;
        return JsonDocument.Parse(
            $"{{\"1d\": {{\"q\": {Number(q)}, \"f\": {Number(q * z)}, \"df_dq\": {Number(z)}, \"df_dz\": {Number(q)}, \"df_dx\": {Number(z)}, \"df_dy\": {Number(z)}}}}}");
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
