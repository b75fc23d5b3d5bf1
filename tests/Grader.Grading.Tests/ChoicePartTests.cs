using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.Loading;
using Grader.Grading.Model;

namespace Grader.Grading.Tests;

/// <summary>Multiple-choice parts, and numeric choices whose right one the engine computes.</summary>
public class ChoicePartTests
{
    private const string Header = "id: demo\ntitle: Demo\ncourse: Test\n";

    private static readonly Problem Demo = ProblemLoader.LoadText(Header
        + "networks:\n  n: { inputs: 1, layers: [ { weights: [[2]], offsets: [-1], activation: relu } ] }\n"
        + "parts:\n"
        + "  - { id: one, kind: choice, choices: [a, b, c, d], reference: { answer: b } }\n"
        + "  - { id: many, kind: choice, choices: [a, b, c, d], reference: { answer: [a, c] } }\n"
        // relu(2·3 − 1) = 5: choice c.
        + "  - { id: num, kind: choice, choices: { a: 0, b: 6, c: 5, d: -5 }, reference: { network: n, input: [3], quantity: output } }\n",
        "demo.yaml");

    private static PartResult Grade(string part, string answerJson)
    {
        using var answers = JsonDocument.Parse($"{{\"{part}\": {answerJson}}}");
        return Demo.Grade(answers.RootElement).Parts.Single(result => result.PartId == part);
    }

    [Theory]
    [InlineData("one", "\"b\"", PartStatus.Correct)]
    [InlineData("one", "\" B \"", PartStatus.Correct)]
    [InlineData("one", "\"a\"", PartStatus.Incorrect)]
    [InlineData("one", "\"e\"", PartStatus.Invalid)]
    [InlineData("one", "3", PartStatus.Invalid)]
    [InlineData("one", "[]", PartStatus.Missing)]
    [InlineData("many", "[\"c\", \"a\"]", PartStatus.Correct)]
    [InlineData("many", "[\"a\"]", PartStatus.Incorrect)]
    [InlineData("many", "[\"a\", \"b\", \"c\"]", PartStatus.Incorrect)]
    [InlineData("num", "\"c\"", PartStatus.Correct)]
    [InlineData("num", "\"b\"", PartStatus.Incorrect)]
    public void Choice_is_correct_when_it_names_exactly_the_right_set(string part, string answer, PartStatus status) =>
        Assert.Equal(status, Grade(part, answer).Status);

    [Fact]
    public void Partial_selection_says_more_choices_are_right() =>
        Assert.Contains("1 more choice is right", Grade("many", "[\"a\"]").Feedback, StringComparison.Ordinal);

    [Theory]
    [InlineData("  - { id: x, kind: choice, choices: { a: 1, b: 2 }, reference: { network: n, input: [3] } }\n", "no choice equals the computed output = 5")]
    [InlineData("  - { id: x, kind: choice, choices: { a: 5, b: 5.001 }, reference: { network: n, input: [3] } }\n", "choices a and b both equal")]
    [InlineData("  - { id: x, kind: choice, choices: [a, b], reference: { answer: c } }\n", "'answer' names choices among a, b")]
    [InlineData("  - { id: x, kind: choice, choices: [a, A], reference: { answer: a } }\n", "distinct without regard to case")]
    public void Choice_part_that_cannot_be_graded_is_a_check_error(string part, string reason)
    {
        var check = ProblemLoader.CheckText(Header + "networks:\n  n: { inputs: 1, layers: [ { weights: [[2]], offsets: [-1], activation: relu } ] }\nparts:\n" + part, "demo.yaml");
        Assert.Contains(reason, Assert.Single(check.Errors).Message, StringComparison.Ordinal);
    }
}
