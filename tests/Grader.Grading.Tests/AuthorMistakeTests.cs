using System.Text.Json;
using Grader.Grading.Loading;

namespace Grader.Grading.Tests;

/// <summary>Author mistakes that used to load silently: each is now a check error or warning naming its place.</summary>
public class AuthorMistakeTests
{
    private const string Header = "id: demo\ntitle: Demo\ncourse: Test\n";

    private static ProblemCheck Check(string body) => ProblemLoader.CheckText(Header + body, "demo.yaml");

    [Fact]
    public void Undeclared_name_in_a_graph_definition_is_an_error_with_a_did_you_mean()
    {
        var check = Check("parts:\n  - id: g\n    kind: number\n    reference:\n"
            + "      graph: { definitions: { q: \"x + y\", f: \"q*zz\" }, at: { x: -2, y: 5, z: -4 } }\n");
        var error = Assert.Single(check.Errors);
        Assert.Contains("part g", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown name 'zz'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'z'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_name_in_an_expression_reference_is_an_error()
    {
        var check = Check("parts:\n  - id: e\n    kind: expression\n    variables: { x: {}, eta: {} }\n"
            + "    reference: { equals: \"x*etta\" }\n");
        Assert.Contains("unknown name 'etta'", Assert.Single(check.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'eta'?", check.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Implicit_product_in_an_author_expression_is_an_error_asking_for_a_star()
    {
        var check = Check("parts:\n  - id: g\n    kind: number\n    reference:\n"
            + "      graph: { definitions: { f: \"q zz\" }, at: { q: 1, z: 2 } }\n");
        Assert.Contains("write products with *", Assert.Single(check.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_names_written_out_still_load()
    {
        var check = Check("parts:\n  - id: g\n    kind: number\n    reference:\n"
            + "      graph: { definitions: { q: \"x + y\", f: \"q*z\" }, at: { x: -2, y: 5, z: -4 } }\n");
        Assert.Empty(check.Errors);
        Assert.Equal(-12, Reference(check, "g"));
    }

    [Fact]
    public void Cross_entropy_on_an_identity_output_is_an_error()
    {
        var check = Check("networks:\n  n: { inputs: 1, layers: [ { weights: [[2], [1]] } ] }\n"
            + "parts:\n  - { id: l, kind: number, reference: { network: n, input: [1], target: [1, 0], loss: cross-entropy, quantity: loss } }\n");
        var error = Assert.Single(check.Errors);
        Assert.Contains("cross-entropy loss takes probabilities", error.Message, StringComparison.Ordinal);
        Assert.Contains("output layer is identity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_entropy_on_a_softmax_output_loads()
    {
        var check = Check("networks:\n  n: { inputs: 1, layers: [ { weights: [[2], [1]], activation: softmax } ] }\n"
            + "parts:\n  - { id: l, kind: number, reference: { network: n, input: [1], target: [1, 0], loss: cross-entropy, quantity: loss } }\n");
        Assert.Empty(check.Errors);
        // −log(e²/(e² + e¹)) = log(1 + e⁻¹)
        Assert.Equal(Math.Log(1 + Math.Exp(-1)), Reference(check, "l"), 9);
    }

    [Fact]
    public void Graph_evaluated_at_a_tie_warns()
    {
        var check = Check("parts:\n  - id: k\n    kind: number\n    reference:\n"
            + "      graph: { definitions: { m: \"max(y, z)\" }, at: { y: 1, z: 1 } }\n      quantity: dm/dy\n");
        Assert.Empty(check.Errors);
        Assert.Contains("max(y, z) is taken at a tie", Assert.Single(check.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_evaluated_at_a_relu_kink_warns_and_away_from_it_does_not()
    {
        const string part = "parts:\n  - id: k\n    kind: number\n    reference:\n      graph: { definitions: { r: \"relu(x - 1)\" }, at: { x: X } }\n      quantity: dr/dx\n";
        Assert.Contains("argument is 0, a kink", Assert.Single(Check(part.Replace("X", "1", StringComparison.Ordinal)).Warnings), StringComparison.Ordinal);
        Assert.Empty(Check(part.Replace("X", "1.5", StringComparison.Ordinal)).Warnings);
    }

    [Fact]
    public void Gradient_step_taken_at_a_kink_warns()
    {
        var check = Check("parts:\n  - id: s\n    kind: expression\n    variables: { eta: { range: [0.1, 1] } }\n"
            + "    reference: { gradientStep: { of: \"relu(w - 1)\", wrt: w, at: { w: 1 }, rate: eta } }\n");
        Assert.Empty(check.Errors);
        Assert.Contains("relu(w - 1) is taken where its argument is 0", Assert.Single(check.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Network_unit_at_its_relu_kink_warns()
    {
        var check = Check("networks:\n  n: { inputs: 1, layers: [ { weights: [[1], [2]], offsets: [-1, 0], activation: relu }, { weights: [[1, 1]] } ] }\n"
            + "parts:\n  - { id: d, kind: number, reference: { network: n, input: [1], target: [0], quantity: \"dL/dW1[1,1]\" } }\n");
        Assert.Empty(check.Errors);
        Assert.Contains("z1[1] = 0", Assert.Single(check.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_every_broken_part_not_only_the_first()
    {
        var check = Check("parts:\n"
            + "  - { id: a, kind: number, reference: { network: nope, input: [1] } }\n"
            + "  - { id: b, kind: guess }\n"
            + "  - { id: c, kind: number, reference: { parameterCount: [2, 3] } }\n"
            + "  - { id: d, kind: number, reference: { lstm: none, inputs: [1] } }\n");
        Assert.Null(check.Problem);
        Assert.Equal(3, check.Errors.Count);
        Assert.Contains("part a", check.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("part b", check.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("part d", check.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_network_and_engine_refusals_are_named_by_place_without_dotnet_text()
    {
        var check = Check("networks:\n  one: { inputs: 1, layers: [ { weights: [[1]], activation: relu } ] }\n"
            + "  bad: { inputs: 2, layers: [ { weights: [[1, 2, 3]] } ] }\n"
            + "parts:\n  - { id: a, kind: number, reference: { region: { network: one, box: [[0, 1], [0, 1]], where: { layer: 1, compare: \">=\", value: 0.5 } } } }\n");
        Assert.Equal(2, check.Errors.Count);
        Assert.Contains("demo.yaml, network bad, line 6", check.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("part a", check.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("need a network with 2 inputs", check.Errors[1].Message, StringComparison.Ordinal);
        Assert.All(check.Errors, error => Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Answers_to_unknown_part_ids_are_reported_in_the_result()
    {
        var problem = ProblemLoader.LoadText(Header + "parts:\n  - { id: 2c, kind: number, reference: { parameterCount: [2, 3] } }\n", "demo.yaml");
        using var answers = JsonDocument.Parse("{\"2C\": 9, \"2x\": 9}");
        var report = problem.Grade(answers.RootElement);
        Assert.Equal(["2x"], report.UnknownAnswers);
        Assert.Equal("2x", Judging.GradeReportJson.ToJson(report)["unknownAnswers"]![0]!.GetValue<string>());
    }

    private static double Reference(ProblemCheck check, string partId) =>
        double.Parse(check.Problem!.FindPart(partId)!.DescribeReference().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
