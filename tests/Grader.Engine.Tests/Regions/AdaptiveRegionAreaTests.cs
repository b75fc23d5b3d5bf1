using Grader.Engine.Activations;
using Grader.Engine.Linear;
using Grader.Engine.Networks;
using Grader.Engine.Regions;

namespace Grader.Engine.Tests.Regions;

public class AdaptiveRegionAreaTests
{
    [Fact]
    public void A_disc_is_bracketed_within_the_stated_bound()
    {
        var estimate = RegionArea.Adaptive((x, y) => 1 - Math.Sqrt(x * x + y * y), 1, Box.Square(2), 1e-3, 1_000_000);

        Assert.True(estimate.Brackets(Math.PI), FormattableString.Invariant($"{estimate} does not bracket π"));
        Assert.True(estimate.ErrorBound <= 1e-3);
    }

    [Fact]
    public void A_small_cell_budget_gives_a_wider_but_still_true_bound()
    {
        var estimate = RegionArea.Adaptive((x, y) => 1 - Math.Sqrt(x * x + y * y), 1, Box.Square(2), 0, 200);

        Assert.True(estimate.Brackets(Math.PI));
        Assert.True(estimate.ErrorBound > 1e-3);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.02)]
    public void The_softmax_output_region_is_bracketed_around_the_exact_area(double targetError)
    {
        var network = Mit6036Network.Create(3);
        var box = Box.Square(10);
        var onOutput = LinearCondition.AtLeast(layer: 3, [0, 1], 1.0 / 1000);

        // o₂ ≈ 1/1000 on the boundary, where the softmax is so flat that only the interval test decides cells.
        var estimate = RegionArea.Adaptive(network, box, onOutput, targetError);
        var exact = RegionArea.Exact(network, box, SoftmaxCondition.ProbabilityAtLeast(network, 1, 1.0 / 1000));

        Assert.True(estimate.Brackets(exact), FormattableString.Invariant($"{estimate} does not bracket {exact}"));
        Assert.True(estimate.ErrorBound <= targetError);
    }

    [Fact]
    public void A_lipschitz_function_alone_brackets_the_relu_layer_region()
    {
        var network = Mit6036Network.Create(3);
        var condition = SoftmaxCondition.ProbabilityAtLeast(network, 1, 1.0 / 1000);
        var lipschitz = Math.Sqrt(18) * LipschitzBound.OfLayers(network, 2);
        var relus = network.Layers.Take(2).ToList();
        double G(double x, double y)
        {
            var a = Matrix.Column(x, y);
            relus.ForEach(layer => a = layer.Activation.Apply(layer.PreActivation(a)));
            return condition.Margin(a.Values);
        }

        var estimate = RegionArea.Adaptive(G, lipschitz, Box.Square(10), 0.5, 1_000_000);

        Assert.True(estimate.Brackets(RegionArea.Exact(network, Box.Square(10), condition)), estimate.ToString());
        Assert.True(estimate.ErrorBound <= 0.5);
    }

    [Fact]
    public void A_sigmoid_network_region_matches_its_half_plane()
    {
        var network = new FeedForwardNetwork(2, [new Layer(Matrix.FromRows([[2, 1]]), Matrix.Column(-1), Activation.Sigmoid)]);

        var estimate = RegionArea.Adaptive(network, new Box(0, 1, 0, 1), LinearCondition.AtLeast(1, [1], 0.5), targetError: 1e-3);

        // σ(2x + y − 1) ≥ 1/2 where 2x + y ≥ 1: the unit square minus the triangle (0,0), (1/2,0), (0,1).
        Assert.True(estimate.Brackets(0.75), FormattableString.Invariant($"{estimate} does not bracket 0.75"));
    }

    [Fact]
    public void Lipschitz_bound_multiplies_frobenius_norms_and_activation_slopes()
    {
        Assert.Equal(2 * Math.Sqrt(8) * 1.5, LipschitzBound.OfLayers(Mit6036Network.Create(3), 3), 12);
    }

    [Fact]
    public void Step_networks_are_refused_because_step_is_not_lipschitz()
    {
        var network = new FeedForwardNetwork(2, [new Layer(Matrix.FromRows([[1, 1]]), null, Activation.Step)]);

        Assert.Throws<ArgumentException>(() => RegionArea.Adaptive(network, Box.Square(1), LinearCondition.AtLeast(1, [1], 0.5)));
    }

    [Fact]
    public void Equalities_are_refused_by_the_adaptive_method()
    {
        Assert.Throws<ArgumentException>(() =>
            RegionArea.Adaptive(Mit6036Network.Create(), Box.Square(10), LinearCondition.Sum(1, 4, Relation.EqualTo, 0)));
    }

    [Fact]
    public void Softmax_slope_bound_holds_for_a_sharp_softmax()
    {
        Assert.Equal(2.5, LipschitzBound.Of(Activation.Softmax(5)));
    }
}
