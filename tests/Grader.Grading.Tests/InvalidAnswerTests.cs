using System.Text.Json;
using Grader.Grading.Judging;

namespace Grader.Grading.Tests;

/// <summary>Malformed answers of every kind are graded invalid (or missing) with a message that says where and why.</summary>
public class InvalidAnswerTests
{
    [Theory]
    [InlineData("mit-6390-rec6", "2c", "[0.6]", "Expected a number, got an array")]
    [InlineData("mit-6390-rec6", "2c", "true", "Expected a number, got a boolean")]
    [InlineData("mit-6390-rec6", "2c", "\"NaN\"", "not a finite number")]
    [InlineData("mit-6390-rec6", "2c", "\"Infinity\"", "not a finite number")]
    [InlineData("mit-6390-rec6", "2c", "\"0,6\"", "decimal comma")]
    [InlineData("mit-6390-rec6", "2c", "\"about 0.6\"", "is not a number")]
    [InlineData("mit-6390-rec6", "2a", "5", "Expected an object with the fields z1, a1")]
    [InlineData("mit-6036-s17-hw4", "2a", "[0, 0, 1]", "Expected an object")]
    [InlineData("ds102-disc7", "1a.sigmoid", "[1, 2]", "Expected an expression as a string")]
    [InlineData("ds102-disc7", "1a.sigmoid", "\"sigmoid(x)*(1 - sigmoid(x)\"", "expected ')' to close '(' at")]
    [InlineData("ds102-disc7", "1a.sigmoid", "\"sigmoid(zeta)\"", "unknown variable 'zeta' at 9")]
    [InlineData("ds102-disc7", "1a.sigmoid", "\"frobnicate(x)\"", "frobnicate")]
    [InlineData("ds102-disc7", "2b", "\"A*x + x\"", "shapes 3×1 and 2×1 do not match for + at")]
    [InlineData("ds102-disc7", "2b", "\"x*A\"", "cannot multiply 2×1 by 3×2")]
    [InlineData("ds102-disc7", "2b", "\"-2*(y - b'*sigmoid(A*x))*sigmoid(A*x)'\"", "Did you transpose it?")]
    [InlineData("cs189-dis4", "2c.w", "\"x*x'\"", "is a 2×2 matrix but the answer is a 3×2 matrix")]
    [InlineData("mit-6390-rec6", "1e", "{\"w1\": 5, \"w2\": -5, \"v1\": 0.1}", "Missing parameter(s): v2")]
    [InlineData("mit-6390-rec6", "1e", "{\"w1\": 5, \"w2\": -5, \"v1\": 0.1, \"v2\": \"minus\"}", "v2:")]
    [InlineData("mit-6036-s17-hw4", "2d", "[1, 2]", "Expected an object with the parameters Wfh")]
    public void Malformed_answer_is_invalid_with_a_message_that_says_why(string problemId, string partId, string answer, string message)
    {
        var result = Grading.Part(problemId, partId, answer);
        Assert.Equal(PartStatus.Invalid, result.Status);
        Assert.Equal(0, result.Score);
        Assert.Contains(message, result.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"   \"")]
    public void Empty_expression_answer_counts_as_missing(string answer)
    {
        Assert.Equal(PartStatus.Missing, Grading.Part("mit-6390-rec6", "1b", answer).Status);
    }

    [Fact]
    public void Answers_that_are_not_an_object_make_every_auto_graded_part_invalid()
    {
        using var answers = JsonDocument.Parse("[1, 2, 3]");
        var report = Catalog.Problem("cs189-dis4").Grade(answers.RootElement);
        Assert.All(report.Parts, part => Assert.Contains(part.Status, new[] { PartStatus.Invalid, PartStatus.Manual }));
        Assert.Contains(report.Parts, part => part.Status == PartStatus.Invalid && part.Feedback.Contains("JSON object", StringComparison.Ordinal));
        Assert.Equal(0, report.Score);
    }

    [Fact]
    public void Parts_without_an_answer_are_missing_and_manual_parts_are_left_to_staff()
    {
        using var answers = JsonDocument.Parse("{\"unknown-part\": 3}");
        var report = Catalog.Problem("mit-6390-rec6").Grade(answers.RootElement);
        Assert.Equal(PartStatus.Manual, report.Parts.Single(part => part.PartId == "1a").Status);
        Assert.Equal(PartStatus.Missing, report.Parts.Single(part => part.PartId == "2c").Status);
        Assert.Equal(12, report.MaxScore);
    }

    [Fact]
    public void Values_part_scores_field_by_field_and_names_the_wrong_and_missing_fields()
    {
        var result = Grading.Part("mit-6390-rec6", "2a", "{\"z1\": 2, \"a1\": 2, \"z2\": 9, \"a2\": 9, \"z3\": 4, \"a3\": \"four\", \"z4\": 6}");
        Assert.Equal(PartStatus.Partial, result.Status);
        Assert.Equal(2.0 * 5 / 8, result.Score, 10);
        Assert.Contains("a3:", result.Feedback, StringComparison.Ordinal);
        Assert.Contains("z4:", result.Feedback, StringComparison.Ordinal);
        Assert.Contains("a4: missing", result.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Grading_arbitrary_json_never_throws()
    {
        string[] shapes = ["null", "-1e308", "1e999", "\"\"", "\"((((((\"", "[]", "[[]]", "{}", "{\"a\": {\"b\": []}}", "[1, \"x\", null]",
            "\"" + new string('(', 5000) + "\"", "\"" + string.Concat(Enumerable.Repeat("-", 3000)) + "x\"", "{\"o1\": [1], \"o2\": {}}"];
        foreach (var problem in Catalog.Instance.Problems)
        {
            foreach (var part in problem.Parts)
            {
                foreach (var shape in shapes)
                {
                    var result = Grading.Part(problem.Id, part.Id, shape);
                    Assert.NotEqual(PartStatus.Correct, result.Status);
                    Assert.False(string.IsNullOrWhiteSpace(result.Feedback));
                }
            }
        }
    }
}
