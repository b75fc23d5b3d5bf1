using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.Regression;

namespace Grader.Grading.Tests;

/// <summary>Author-written hints on known wrong answers, exchanged fields named, and answers files as regression tests.</summary>
public class AuthorHintTests
{
    private const string Header = "id: demo\ntitle: Demo\ncourse: Test\n";

    private static readonly Problem Demo = ProblemLoader.LoadText(Header
        + "networks:\n  n: { inputs: 1, layers: [ { weights: [[2], [-1]], offsets: [0.5, 0], activation: sigmoid } ] }\n"
        + "parts:\n"
        + "  - id: e\n    kind: expression\n    variables: { x: {} }\n    reference: { derivative: { of: \"sigmoid(x)\", wrt: x } }\n"
        + "    hints:\n      - { answer: \"sigmoid(x)\", say: \"That is σ itself, not its derivative.\" }\n"
        + "  - { id: a, kind: vector, reference: { network: n, input: [1], quantity: a1 }, hints: [ { quantity: z1, say: \"That is z1, before σ.\" }, { value: [1, 0], say: \"Rounded too far.\" } ] }\n"
        + "  - { id: v, kind: values, reference: { network: n, input: [1], fields: { o1: \"output[1]\", o2: \"output[2]\" } } }\n",
        "demo.yaml");

    private static PartResult Grade(string part, string answerJson)
    {
        using var answers = JsonDocument.Parse($"{{\"{part}\": {answerJson}}}");
        return Demo.Grade(answers.RootElement).Parts.Single(result => result.PartId == part);
    }

    [Fact]
    public void Known_wrong_expression_gets_the_author_s_hint_by_the_same_sampling()
    {
        var result = Grade("e", "\"1/(1 + exp(-x))\"");
        Assert.Equal(PartStatus.Incorrect, result.Status);
        Assert.EndsWith("That is σ itself, not its derivative.", result.Feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("σ itself", Grade("e", "\"x\"").Feedback, StringComparison.Ordinal);
        Assert.Equal(PartStatus.Correct, Grade("e", "\"sigmoid(x)*(1 - sigmoid(x))\"").Status);
    }

    [Fact]
    public void Known_wrong_value_gets_its_hint_whether_given_as_a_quantity_or_a_number()
    {
        // z1 = (2·1 + 0.5, −1) = (2.5, −1).
        Assert.EndsWith("That is z1, before σ.", Grade("a", "[2.5, -1]").Feedback, StringComparison.Ordinal);
        Assert.EndsWith("Rounded too far.", Grade("a", "[1, 0]").Feedback, StringComparison.Ordinal);
        Assert.Equal(PartStatus.Correct, Grade("a", $"[{1 / (1 + Math.Exp(-2.5))}, {1 / (1 + Math.Exp(1))}]").Status);
    }

    [Fact]
    public void Exchanged_fields_of_a_values_part_are_named()
    {
        var (o1, o2) = (1 / (1 + Math.Exp(-2.5)), 1 / (1 + Math.Exp(1)));
        var result = Grade("v", $"{{\"o1\": {o2}, \"o2\": {o1}}}");
        Assert.Equal(PartStatus.Incorrect, result.Status);
        Assert.EndsWith("o1 and o2 are exchanged.", result.Feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("exchanged", Grade("v", $"{{\"o1\": {o1}, \"o2\": 0.3}}").Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - id: e\n    kind: expression\n    variables: { x: {} }\n    reference: { equals: \"2*x\" }\n    hints: [ { answer: \"x + x\", say: \"…\" } ]\n", "equals the reference")]
    [InlineData("  - { id: a, kind: number, reference: { parameterCount: [2, 3] }, hints: [ { value: 9, say: \"…\" } ] }\n", "equals the reference")]
    [InlineData("  - { id: a, kind: number, reference: { parameterCount: [2, 3] }, hints: [ { value: [1, 2], say: \"…\" } ] }\n", "the hint is a 2×1 value")]
    [InlineData("  - id: e\n    kind: expression\n    variables: { x: {} }\n    reference: { equals: \"2*x\" }\n    hints: [ { answer: \"xx\", say: \"…\" } ]\n", "unknown name 'xx'")]
    public void Hint_that_cannot_help_is_a_check_error(string part, string reason)
    {
        var check = ProblemLoader.CheckText(Header + "parts:\n" + part, "demo.yaml");
        Assert.Contains(reason, Assert.Single(check.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_file_reports_every_verdict_that_differs_from_the_expected_one()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{\"problem\": \"demo\", \"answers\": {\"e\": \"sigmoid(x)\", \"a\": [2.5, -1], \"zz\": 1},"
                + " \"expect\": {\"e\": {\"status\": \"incorrect\", \"feedback\": \"σ itself\"}, \"a\": \"correct\", \"v\": \"missing\", \"q\": \"correct\"}}");
            var failures = AnswerRegression.Run(file, new Dictionary<string, Problem> { ["demo"] = Demo });
            Assert.Equal(3, failures.Count);
            Assert.Contains(failures, failure => failure.Contains("answers part 'zz'", StringComparison.Ordinal));
            Assert.Contains(failures, failure => failure.Contains("part a: correct was expected, the grader says incorrect", StringComparison.Ordinal));
            Assert.Contains(failures, failure => failure.Contains("expects part 'q'", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
