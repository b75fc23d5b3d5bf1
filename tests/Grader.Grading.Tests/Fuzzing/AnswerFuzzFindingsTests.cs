using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Grader.Grading.Judging;

namespace Grader.Grading.Tests.Fuzzing;

/// <summary>What <see cref="AnswerReaderFuzzTests"/> found, each pinned on its own.</summary>
public sealed class AnswerFuzzFindingsTests
{
    [Fact]
    public void A_long_string_for_a_values_part_is_refused_within_a_bounded_time()
    {
        // 32,000 characters with no "=": the name = value reader used to take 6.6 s (quadratic backtracking).
        var text = JsonSerializer.Serialize(string.Concat(Enumerable.Repeat("w1", 16_000)));
        var clock = Stopwatch.StartNew();
        var result = Problems.Part("cs189-dis4", "1d", text);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"{clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(PartStatus.Invalid, result.Status);
        Assert.Contains("got a string", result.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cs189-dis4", "3b", "１２")]
    [InlineData("cs189-dis4", "3b", "۴")]
    [InlineData("example-conv1d", "1a", "۴")]
    public void A_long_run_of_digits_no_double_parses_is_refused_within_a_bounded_time(string problem, string part, string digits)
    {
        // 20,000 fullwidth or Extended Arabic-Indic digits: the number-spelling patterns used to take 6 to 13 s on them.
        var text = JsonSerializer.Serialize(string.Concat(Enumerable.Repeat(digits, 20_000 / digits.Length)));
        var clock = Stopwatch.StartNew();
        var result = Problems.Part(problem, part, text);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"{clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(PartStatus.Invalid, result.Status);
    }

    [Fact]
    public void Short_name_value_text_for_a_values_part_is_still_read()
    {
        var result = Problems.Part("cs189-dis4", "1d", "\"q = 3, f = -12, df_dq = -4, df_dz = 3, df_dx = -4, df_dy = -4\"");
        Assert.Equal(PartStatus.Correct, result.Status);
    }

    [Theory]
    [InlineData("cs189-dis4", "3b", "\"𝑥+1\"")]
    [InlineData("cs189-dis4", "2c.w", "\"x 😀\"")]
    [InlineData("mit-6036-s17-hw4", "2c", "{\"Wfx\": \"𝟙\"}")]
    public void A_character_outside_the_basic_plane_gives_a_whole_character_in_the_message(string problem, string part, string answer)
    {
        var result = Problems.Part(problem, part, answer);
        Assert.Equal(PartStatus.Invalid, result.Status);
        Assert.DoesNotContain('\uFFFD', result.Feedback);
        Assert.True(result.Feedback.EnumerateRunes().All(rune => rune != Rune.ReplacementChar) && IsWellFormed(result.Feedback),
            result.Feedback);
    }

    // The served problems and the examples (vector and matrix parts), by id.
    private static class Problems
    {
        private static readonly Lazy<Loading.ProblemCatalog> Examples =
            new(() => Loading.ProblemCatalog.Load(Path.Combine(Catalog.RepositoryRoot(), "problems", "examples")));

        public static PartResult Part(string problemId, string partId, string answerJson)
        {
            if (!problemId.StartsWith("example-", StringComparison.Ordinal))
            {
                return Grading.Part(problemId, partId, answerJson);
            }
            using var answers = JsonDocument.Parse($"{{{JsonSerializer.Serialize(partId)}: {answerJson}}}");
            Examples.Value.TryGet(problemId, out var problem);
            return problem!.Grade(answers.RootElement).Parts.Single(p => p.PartId == partId);
        }
    }

    private static bool IsWellFormed(string text) =>
        !text.Where((c, i) => char.IsSurrogate(c) && !char.IsSurrogatePair(text, char.IsHighSurrogate(c) ? i : i - 1)).Any();
}
