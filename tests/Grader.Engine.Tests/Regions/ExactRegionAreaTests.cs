using Grader.Engine.Activations;
using Grader.Engine.Linear;
using Grader.Engine.Networks;
using Grader.Engine.Regions;

namespace Grader.Engine.Tests.Regions;

public class ExactRegionAreaTests
{
    private static readonly Box Box = Box.Square(10);

    [Fact]
    public void Hidden_sum_is_zero_exactly_on_the_square_where_all_four_relus_are_off()
    {
        var condition = LinearCondition.Sum(layer: 1, width: 4, Relation.EqualTo, 0);

        Assert.Equal(4, RegionArea.Exact(Mit6036Network.Create(), Box, condition), 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5.5)]
    public void Hidden_sum_at_most_c_has_the_closed_form_area(double c)
    {
        var condition = LinearCondition.Sum(layer: 1, width: 4, Relation.AtMost, c);

        var area = RegionArea.Exact(Mit6036Network.Create(), Box, condition);

        AssertRelative(Mit6036Network.AreaWhereHiddenSumIsAtMost(c), area, 1e-9);
    }

    [Fact]
    public void At_least_and_at_most_areas_add_up_to_the_box()
    {
        var network = Mit6036Network.Create();
        var atMost = RegionArea.Exact(network, Box, LinearCondition.AtMost(2, [1, -2], 0.7));
        var atLeast = RegionArea.Exact(network, Box, LinearCondition.AtLeast(2, [1, -2], 0.7));

        AssertRelative(Box.Area, atMost + atLeast, 1e-12);
    }

    [Fact]
    public void A_level_set_that_is_only_lines_has_zero_area()
    {
        var condition = LinearCondition.Sum(layer: 1, width: 4, Relation.EqualTo, 1);

        Assert.Equal(0, RegionArea.Exact(Mit6036Network.Create(), Box, condition));
    }

    [Fact]
    public void Decomposition_cuts_the_eight_outer_first_layer_regions_where_the_second_relu_turns_off()
    {
        var pieces = PiecewiseLinearRegions.Decompose(Mit6036Network.Create(), Box);

        // Nine first-layer patterns (the square [-1, 1]² and eight around it); u₂ = 2 − s vanishes inside each outer one.
        AssertRelative(Box.Area, pieces.Sum(piece => piece.Polygon.Area), 1e-12);
        Assert.All(pieces, piece => Assert.Equal(2, piece.LayerCount));
        Assert.Equal(17, pieces.Count);
    }

    [Fact]
    public void Affine_maps_of_a_piece_agree_with_the_network_inside_it()
    {
        var network = Mit6036Network.Create();
        foreach (var piece in PiecewiseLinearRegions.Decompose(network, Box))
        {
            var point = piece.Polygon.VertexMean;
            var hidden = network.Layers[0].Activation.Apply(network.Layers[0].PreActivation(Matrix.Column(point.X, point.Y)));
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(hidden[i], piece.Activations[1][i].Evaluate(point), 9);
            }
        }
    }

    [Fact]
    public void Step_units_are_constant_on_each_piece()
    {
        var network = new FeedForwardNetwork(2, [new Layer(Matrix.FromRows([[1, 1]]), null, Activation.Step)]);

        var area = RegionArea.Exact(network, new Box(-1, 1, -1, 1), LinearCondition.EqualTo(1, [1], 1));

        Assert.Equal(2, area, 9);
    }

    [Fact]
    public void Lure_units_follow_their_input_only_below_zero()
    {
        var network = new FeedForwardNetwork(2, [new Layer(Matrix.FromRows([[1, 0]]), null, Activation.Lure)]);

        // min(x, 0) ≤ −1/2 on the strip x ≤ −1/2 of [−1, 1]²; min(x, 0) = 0 on the half x ≥ 0.
        Assert.Equal(1, RegionArea.Exact(network, new Box(-1, 1, -1, 1), LinearCondition.AtMost(1, [1], -0.5)), 9);
        Assert.Equal(2, RegionArea.Exact(network, new Box(-1, 1, -1, 1), LinearCondition.EqualTo(1, [1], 0)), 9);
    }

    [Fact]
    public void A_condition_above_a_sigmoid_layer_is_refused_with_a_pointer_to_the_adaptive_method()
    {
        var network = new FeedForwardNetwork(2, [new Layer(Matrix.FromRows([[1, 1]]), null, Activation.Sigmoid)]);

        var error = Assert.Throws<ArgumentException>(() => RegionArea.Exact(network, Box, LinearCondition.AtLeast(1, [1], 0.5)));

        Assert.Contains("Adaptive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_with_the_wrong_number_of_coefficients_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            RegionArea.Exact(Mit6036Network.Create(), Box, LinearCondition.AtLeast(1, [1, 1], 0)));
    }

    internal static void AssertRelative(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), FormattableString.Invariant($"expected {expected:R}, got {actual:R}"));
}
