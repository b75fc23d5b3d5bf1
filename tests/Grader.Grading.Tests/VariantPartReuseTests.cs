using Grader.Engine.Linear;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.References;
using Grader.Grading.References.Expressions;
using Grader.Grading.Variants;

namespace Grader.Grading.Tests;

/// <summary>
/// A variant reuses the parts an earlier variant computed from the same filled-in inputs (<see cref="PartMemo"/>). The
/// references must be exactly those of a build that computes every part afresh, bit for bit, for every seed.
/// </summary>
public class VariantPartReuseTests
{
    [Theory]
    [InlineData("mit-6036-s17-hw4-randomized", 300)]
    [InlineData("cs189-dis4-randomized", 300)]
    public void A_variant_from_reused_parts_equals_a_fresh_build_for_every_seed(string problemId, int seeds)
    {
        var path = Path.Combine(Catalog.RepositoryRoot(), "problems", problemId + ".yaml");
        var handout = ProblemLoader.LoadFile(path);
        var warm = handout.Variants!;
        var fresh = ProblemLoader.LoadFile(path).Variants!;
        var seen = new HashSet<Part>(ReferenceEqualityComparer.Instance);
        var reused = 0;
        for (var seed = 1UL; seed <= (ulong)seeds; seed++)
        {
            var cached = warm.CheckSeed(seed);
            fresh.ForgetComputedParts();
            var computed = fresh.CheckSeed(seed);

            Assert.Equal(computed.Warnings, cached.Warnings);
            Assert.Equal(computed.Errors.Select(error => error.Message), cached.Errors.Select(error => error.Message));
            Assert.Equal(Exactly(computed.Problem!), Exactly(cached.Problem!));
            // A part seen in an earlier variant, and not the handout's (which every variant shares where no parameter reaches).
            reused += cached.Problem!.Parts.Count(part => !seen.Add(part) && !ReferenceEquals(part, handout.FindPart(part.Id)));
        }
        // Some parts of later variants were taken from earlier ones, not recomputed (the comparison above is not vacuous).
        Assert.True(reused > 0, $"no part reused over {seeds} seeds");
    }

    [Fact]
    public void The_memo_keeps_the_most_recently_used_parts_and_no_more()
    {
        var parts = Catalog.Problem("cs189-dis4").Parts;
        var memo = new PartMemo(capacity: 2);
        memo.Add("a", parts[0], []);
        memo.Add("b", parts[1], ["a warning"]);
        Assert.True(memo.TryGet("a", out _));
        memo.Add("c", parts[2], []);

        Assert.Equal(2, memo.Count);
        Assert.False(memo.TryGet("b", out _));
        Assert.True(memo.TryGet("a", out var a));
        Assert.Same(parts[0], a.Part);
        Assert.True(memo.TryGet("c", out _));
    }

    // Every prompt, reference description and reference number of the variant, numbers as their exact bits.
    private static List<string> Exactly(Problem problem)
    {
        var lines = new List<string> { problem.Variant.ToString(), problem.Statement };
        foreach (var part in problem.Parts)
        {
            lines.Add($"{part.Id}: {part.Prompt} | {part.DescribeReference()} | carried from {part.CarriedFrom}");
            lines.AddRange(ReferenceNumbers.Of(part).Select(number => $"{number.Label} = {BitConverter.DoubleToInt64Bits(number.Value):X16}"));
            if (Unwrap(part.Key) is ExpressionKey expression)
            {
                lines.AddRange(expression.References.Select((value, k) => $"{part.Id} point {k}: {Bits(value)}"));
                lines.AddRange(expression.Points.Select((point, k) =>
                    $"{part.Id} point {k} at {string.Join(", ", point.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {Bits(pair.Value)}"))}"));
            }
        }
        return lines;
    }

    private static AnswerKey Unwrap(AnswerKey key) => key is HintedKey hinted ? Unwrap(hinted.Inner) : key;

    private static string Bits(Matrix value) =>
        $"{value.Shape} " + string.Join(" ", value.ToArray().Select(element => BitConverter.DoubleToInt64Bits(element).ToString("X16", System.Globalization.CultureInfo.InvariantCulture)));
}
