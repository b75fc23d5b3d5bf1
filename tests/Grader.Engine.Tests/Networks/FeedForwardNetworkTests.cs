using Grader.Engine.Activations;
using Grader.Engine.Autodiff;
using Grader.Engine.Linear;
using Grader.Engine.Losses;
using Grader.Engine.Networks;
using Grader.Engine.Sampling;
using static Grader.Engine.Tests.RandomMatrices;

namespace Grader.Engine.Tests.Networks;

public sealed class FeedForwardNetworkTests
{
    private static readonly SeededRandom Random = new(189);

    private static readonly FeedForwardNetwork Network = new(3,
    [
        new Layer(Uniform(Random, 4, 3), Uniform(Random, 4, 1), Activation.Relu),
        new Layer(Uniform(Random, 2, 4), Uniform(Random, 2, 1), Activation.Softmax()),
    ]);

    [Fact]
    public void Forward_output_equals_evaluate_and_the_tensor_graph()
    {
        var x = Uniform(Random, 3, 1);

        var trace = Network.Forward(x);

        Assert.Equal(Network.Evaluate(x), trace.Output);
        Approximately.Equal(trace.Output, Network.Evaluate(Tensor.Constant(x)).Value, 1e-15);
        Assert.Equal(x, trace.A(0));
        Assert.Equal(2, trace.LayerCount);
    }

    [Fact]
    public void Layer_indices_outside_one_to_L_are_rejected()
    {
        var trace = Network.Forward(Uniform(Random, 3, 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => trace.Z(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => trace.A(3));
    }

    [Fact]
    public void Gradient_descent_step_subtracts_rate_times_gradient_and_leaves_the_network_unchanged()
    {
        var before = Network.Layers[0].Weights!;
        var gradients = Network.Backward(Network.Forward(Uniform(Random, 3, 1)), Matrix.Column(1, 0), Loss.CrossEntropy);

        var stepped = Network.GradientDescentStep(gradients, 0.25);

        for (var l = 1; l <= 2; l++)
        {
            var layer = Network.Layers[l - 1];
            Approximately.Equal(layer.Weights!.Subtract(gradients.WeightGradient(l)!.Scale(0.25)), stepped.Layers[l - 1].Weights!, 1e-15);
            Approximately.Equal(layer.Offsets!.Subtract(gradients.OffsetGradient(l)!.Scale(0.25)), stepped.Layers[l - 1].Offsets!, 1e-15);
        }
        Assert.Same(before, Network.Layers[0].Weights);
    }

    [Fact]
    public void Backward_rejects_a_trace_of_another_network()
    {
        var other = new FeedForwardNetwork(3, Network.Layers);

        Assert.Throws<ArgumentException>(() => other.Backward(Network.Forward(Matrix.Column(1, 2, 3)), Matrix.Column(1, 0), Loss.CrossEntropy));
    }

    [Fact]
    public void Parameter_count_of_layer_sizes_8_10_10_3_is_233()
    {
        Assert.Equal(233, FeedForwardNetwork.ParameterCount([8, 10, 10, 3]));
    }

    [Fact]
    public void Parameter_count_without_offsets_counts_only_weights()
    {
        Assert.Equal(80 + 100 + 30, FeedForwardNetwork.ParameterCount([8, 10, 10, 3], withOffsets: false));
    }

    [Fact]
    public void Parameter_count_of_a_network_agrees_with_its_layer_sizes()
    {
        Assert.Equal(FeedForwardNetwork.ParameterCount([3, 4, 2]), Network.ParameterCount());
    }

    [Fact]
    public void Parameter_count_needs_an_input_and_a_layer()
    {
        Assert.Throws<ArgumentException>(() => FeedForwardNetwork.ParameterCount([8]));
    }
}
