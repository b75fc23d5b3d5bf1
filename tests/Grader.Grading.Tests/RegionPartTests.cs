using Grader.Grading.Loading;
using Grader.Grading.References;

namespace Grader.Grading.Tests;

/// <summary>Regions of multi-class softmax networks and of smooth layers, reachable from a problem file.</summary>
public class RegionPartTests
{
    private const string Networks = "networks:\n"
        + "  flat: { inputs: 2, layers: [ { weights: [[1, 0], [0, 1], [-1, -1]], activation: softmax } ] }\n"
        + "  smooth: { inputs: 2, layers: [ { weights: [[1, 0], [0, 1]], activation: sigmoid }, { weights: [[1, 0], [0, 1], [-1, -1]], activation: softmax } ] }\n";

    private static double Area(string network, string where)
    {
        var problem = ProblemLoader.LoadText("id: demo\ntitle: Demo\ncourse: Test\n" + Networks
            + $"parts:\n  - {{ id: a, kind: number, reference: {{ region: {{ network: {network}, box: [[-1, 1], [-1, 1]], where: {where} }} }} }}\n", "demo.yaml");
        return ((ValueKey)problem.FindPart("a")!.Key).Reference.ScalarValue;
    }

    // z = (x, y, −x − y): class 1 is {x ≥ y, 2x + y ≥ 0}, the quadrilateral (0,0), (½,−1), (1,−1), (1,1) of area 5/4; class 2
    // is its mirror image; class 3 is the rest of the 2×2 box, 3/2.
    [Theory]
    [InlineData(1, 1.25)]
    [InlineData(2, 1.25)]
    [InlineData(3, 1.5)]
    public void Argmax_region_of_a_three_way_softmax_has_its_hand_worked_exact_area(int output, double area) =>
        Assert.Equal(area, Area("flat", $"{{ argmax: {output} }}"), 12);

    // Through σ: z = (σ(x), σ(y), −σ(x) − σ(y)); class 1 is σ(x) ≥ σ(y), i.e. x ≥ y (half the box), class 3 never wins.
    [Theory]
    [InlineData(1, 2.0)]
    [InlineData(3, 0.0)]
    public void Argmax_region_through_a_sigmoid_layer_is_computed_adaptively(int output, double area) =>
        Assert.Equal(area, Area("smooth", $"{{ argmax: {output} }}"), 3);

    [Fact]
    public void Linear_condition_on_a_sigmoid_layer_is_computed_adaptively() =>
        Assert.Equal(2.0, Area("smooth", "{ layer: 1, coefficients: [1, -1], compare: \">=\", value: 0 }"), 3);

    [Fact]
    public void Probability_condition_on_a_three_way_softmax_points_at_argmax()
    {
        var check = ProblemLoader.CheckText("id: demo\ntitle: Demo\ncourse: Test\n" + Networks
            + "parts:\n  - { id: a, kind: number, reference: { region: { network: flat, box: [[-1, 1], [-1, 1]], where: { output: 1, atLeast: 0.5 } } } }\n", "demo.yaml");
        var message = Assert.Single(check.Errors).Message;
        Assert.Contains("where: {argmax: k}", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", message, StringComparison.Ordinal);
        Assert.DoesNotContain("RegionArea", message, StringComparison.Ordinal);
    }
}
