using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.Loading;
using Grader.Grading.Model;

namespace Grader.Grading.Tests;

/// <summary>Designs with several inputs: a target network compared on a grid, and labelled point sets such as XOR.</summary>
public class NetworkDesignTests
{
    private const string Template = "{ inputs: 2, layers: [ { weights: [[a, b], [c, d]], offsets: [e, f], activation: step }, { weights: [[g, h]] } ] }";

    private static readonly Problem Xor = ProblemLoader.LoadText(
        "id: demo\ntitle: Demo\ncourse: Test\n"
        + "networks:\n  xor: { inputs: 2, layers: [ { weights: [[1, 1], [1, 1]], offsets: [-0.5, -1.5], activation: step }, { weights: [[1, -2]] } ] }\n"
        + "parts:\n"
        + $"  - {{ id: same, kind: design, reference: {{ equivalentNetwork: {{ target: xor, template: {Template} }} }} }}\n"
        + $"  - {{ id: points, kind: design, reference: {{ separates: {{ points: [[0, 0], [0, 1], [1, 0], [1, 1]], labels: [0, 1, 1, 0], template: {Template} }} }} }}\n",
        "demo.yaml");

    // The target's weights, and the same function with the hidden units swapped and rescaled.
    private const string Target = "{\"a\": 1, \"b\": 1, \"c\": 1, \"d\": 1, \"e\": -0.5, \"f\": -1.5, \"g\": 1, \"h\": -2}";
    private const string Swapped = "{\"a\": 2, \"b\": 2, \"c\": 3, \"d\": 3, \"e\": -3, \"f\": -1.5, \"g\": -2, \"h\": 1}";
    // An OR, not an XOR: right on (0,1), (1,0), (0,0), wrong on (1,1).
    private const string Or = "{\"a\": 1, \"b\": 1, \"c\": 0, \"d\": 0, \"e\": -0.5, \"f\": -1, \"g\": 1, \"h\": 0}";

    [Theory]
    [InlineData("same", Target, PartStatus.Correct)]
    [InlineData("same", Swapped, PartStatus.Correct)]
    [InlineData("same", Or, PartStatus.Incorrect)]
    [InlineData("points", Target, PartStatus.Correct)]
    [InlineData("points", Or, PartStatus.Partial)]
    public void Two_input_design_is_graded_by_what_the_network_computes(string part, string answer, PartStatus status)
    {
        using var json = JsonDocument.Parse(answer);
        var result = Xor.FindPart(part)!.Grade(json.RootElement);
        Assert.Equal(status, result.Status);
    }

    [Fact]
    public void Point_set_design_names_the_point_out_of_its_class()
    {
        using var json = JsonDocument.Parse(Or);
        var result = Xor.FindPart("points")!.Grade(json.RootElement);
        Assert.Equal(0.75, result.Score);
        Assert.Contains("(1, 1) (label 0) gets output 1, class 1", result.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_input_design_describes_its_reference_without_failing()
    {
        Assert.Contains("grid points of [-2, 2] × [-2, 2]", Xor.FindPart("same")!.DescribeReference(), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_with_another_input_count_than_its_target_is_an_error()
    {
        var check = ProblemLoader.CheckText("id: demo\ntitle: Demo\ncourse: Test\n"
            + "networks:\n  t: { inputs: 2, layers: [ { weights: [[1, 1]] } ] }\n"
            + "parts:\n  - { id: d, kind: design, reference: { equivalentNetwork: { target: t, template: { inputs: 1, layers: [ { weights: [[w]] } ] } } } }\n",
            "demo.yaml");
        Assert.Contains("the template takes 1 inputs to 1 outputs, the target 2 to 1", Assert.Single(check.Errors).Message, StringComparison.Ordinal);
    }
}
