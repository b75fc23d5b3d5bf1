using Grader.Engine.Activations;
using Grader.Engine.Linear;
using Grader.Engine.Networks;
using Grader.Engine.Regions;

namespace Grader.Engine.Tests.Regions;

public class SoftmaxConditionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Area_where_the_second_output_is_at_least_one_in_a_thousand_has_the_closed_form(double beta)
    {
        var network = Mit6036Network.Create(beta);
        var c = Math.Log(999) / beta;

        var area = RegionArea.Exact(network, Box.Square(10), SoftmaxCondition.ProbabilityAtLeast(network, 1, 1.0 / 1000));

        ExactRegionAreaTests.AssertRelative(Mit6036Network.AreaWhereHiddenSumIsAtMost(c), area, 1e-9);
    }

    [Fact]
    public void The_region_shrinks_from_about_155_to_about_33_as_beta_grows_from_1_to_3()
    {
        double Area(double beta)
        {
            var network = Mit6036Network.Create(beta);
            return RegionArea.Exact(network, Box.Square(10), SoftmaxCondition.ProbabilityAtLeast(network, 1, 1.0 / 1000));
        }

        Assert.Equal(154.66, Area(1), 2);
        Assert.Equal(33.02, Area(3), 2);
    }

    [Fact]
    public void The_condition_is_linear_on_the_last_relu_layer()
    {
        var condition = SoftmaxCondition.ProbabilityAtLeast(Mit6036Network.Create(3), 1, 0.25);

        Assert.Equal(2, condition.Layer);
        Assert.Equal([-3.0, 3.0], condition.Coefficients);
        Assert.Equal(Relation.AtLeast, condition.Relation);
        Assert.Equal(Math.Log(1.0 / 3), condition.Threshold, 12);
    }

    [Fact]
    public void A_softmax_with_weights_folds_them_into_the_condition()
    {
        var network = new FeedForwardNetwork(2,
            [new Layer(Matrix.FromRows([[1, 0], [0, 1]]), Matrix.Column(0.5, 0), Activation.Softmax(2))]);

        var condition = SoftmaxCondition.ProbabilityAtLeast(network, 0, 0.5);

        Assert.Equal(0, condition.Layer);
        Assert.Equal([2.0, -2.0], condition.Coefficients);
        Assert.Equal(-1, condition.Threshold, 12);
    }

    [Fact]
    public void A_softmax_over_three_outputs_is_refused()
    {
        var network = new FeedForwardNetwork(2,
            [new Layer(Matrix.FromRows([[1, 0], [0, 1], [1, 1]]), null, Activation.Relu), Layer.ActivationOnly(Activation.Softmax())]);

        var error = Assert.Throws<ArgumentException>(() => SoftmaxCondition.ProbabilityAtLeast(network, 0, 0.5));

        Assert.Contains("3 outputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_without_a_final_softmax_is_refused()
    {
        var network = new FeedForwardNetwork(2, [new Layer(Matrix.FromRows([[1, 0], [0, 1]]), null, Activation.Relu)]);

        Assert.Throws<ArgumentException>(() => SoftmaxCondition.ProbabilityAtLeast(network, 0, 0.5));
    }

    [Fact]
    public void A_softmax_over_a_sigmoid_body_is_refused()
    {
        var network = new FeedForwardNetwork(2,
            [new Layer(Matrix.FromRows([[1, 0], [0, 1]]), null, Activation.Sigmoid), Layer.ActivationOnly(Activation.Softmax())]);

        Assert.Throws<ArgumentException>(() => SoftmaxCondition.ProbabilityAtLeast(network, 0, 0.5));
    }
}
