using Grader.Engine.Activations;
using Grader.Engine.Autodiff;
using Grader.Engine.Linear;
using Grader.Engine.Losses;
using Grader.Engine.Networks;
using Grader.Engine.Sampling;
using static Grader.Engine.Tests.RandomMatrices;

namespace Grader.Engine.Tests.Networks;

public sealed class BackwardMatchesAutodiffTests
{
    // Both sides compute the same products in a different order; only rounding separates them.
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Losses => new("squared-error", "half-squared-norm", "cross-entropy");

    [Theory]
    [MemberData(nameof(Losses))]
    public void Explicit_backward_pass_matches_autodiff_for_a_random_three_layer_network(string lossName)
    {
        Assert.True(Loss.TryParse(lossName, out var loss));
        var random = SeededRandom.FromText(lossName);
        // Cross-entropy needs probabilities, so that network ends in a softmax; the squared losses end in identity.
        var output = loss is CrossEntropyLoss ? Activation.Softmax(1.5) : Activation.Identity;
        var network = new FeedForwardNetwork(3,
        [
            new Layer(Uniform(random, 4, 3), Uniform(random, 4, 1), Activation.Sigmoid),
            new Layer(Uniform(random, 5, 4), Uniform(random, 5, 1), Activation.Tanh),
            new Layer(Uniform(random, 3, 5), Uniform(random, 3, 1), output),
        ]);
        var x = Uniform(random, 3, 1);
        var y = loss is CrossEntropyLoss ? Matrix.Column(0, 1, 0) : Uniform(random, 3, 1);

        var explicitGradients = network.Backward(network.Forward(x), y, loss);
        var input = Tensor.Variable(x);
        var lossTensor = loss.Apply(network.Evaluate(input, out var parameters), Tensor.Constant(y));
        lossTensor.Backward();

        Assert.Equal(lossTensor.Value.ScalarValue, explicitGradients.LossValue, Tolerance);
        Approximately.Equal(input.Gradient, explicitGradients.ActivationGradient(0), Tolerance, what: "∂L/∂x");
        for (var l = 1; l <= 3; l++)
        {
            Approximately.Equal(parameters[l - 1].Weights!.Gradient, explicitGradients.WeightGradient(l)!, Tolerance, what: $"∂L/∂W{l}");
            Approximately.Equal(parameters[l - 1].Offsets!.Gradient, explicitGradients.OffsetGradient(l)!, Tolerance, what: $"∂L/∂b{l}");
        }
    }

    [Fact]
    public void Weightless_softmax_layer_and_offsetless_layer_backpropagate_like_autodiff()
    {
        var random = new SeededRandom(6036);
        var network = new FeedForwardNetwork(2,
        [
            new Layer(Uniform(random, 4, 2), null, Activation.Tanh),
            new Layer(Uniform(random, 2, 4), Uniform(random, 2, 1), Activation.Sigmoid),
            Layer.ActivationOnly(Activation.Softmax(3)),
        ]);
        var x = Uniform(random, 2, 1);
        var y = Matrix.Column(1, 0);

        var gradients = network.Backward(network.Forward(x), y, Loss.CrossEntropy);
        Loss.CrossEntropy.Apply(network.Evaluate(Tensor.Constant(x), out var parameters), Tensor.Constant(y)).Backward();

        Approximately.Equal(parameters[0].Weights!.Gradient, gradients.WeightGradient(1)!, Tolerance);
        Approximately.Equal(parameters[1].Weights!.Gradient, gradients.WeightGradient(2)!, Tolerance);
        Approximately.Equal(parameters[1].Offsets!.Gradient, gradients.OffsetGradient(2)!, Tolerance);
        Assert.Null(gradients.OffsetGradient(1));
        Assert.Null(gradients.WeightGradient(3));
        Assert.Null(gradients.WeightFactor(3));
        Assert.Equal(Matrix.Identity(2), gradients.PreActivationJacobian(3));
        Assert.Throws<InvalidOperationException>(() => gradients.ActivationDerivative(3));
    }

    [Fact]
    public void Deltas_follow_the_chain_rule_factors_layer_by_layer()
    {
        var random = new SeededRandom(390);
        var network = new FeedForwardNetwork(3,
        [
            new Layer(Uniform(random, 4, 3), Uniform(random, 4, 1), Activation.Sigmoid),
            new Layer(Uniform(random, 2, 4), Uniform(random, 2, 1), Activation.Softmax(2)),
        ]);
        var gradients = network.Backward(network.Forward(Uniform(random, 3, 1)), Matrix.Column(0, 1), Loss.HalfSquaredNorm);

        // δᴸ = (∂aᴸ/∂zᴸ)ᵀ ∂L/∂g, then δˡ = (∂aˡ/∂zˡ)ᵀ (∂zˡ⁺¹/∂aˡ)ᵀ δˡ⁺¹, and ∂L/∂Wˡ = δˡ (aˡ⁻¹)ᵀ.
        var delta2 = gradients.ActivationJacobian(2).Transpose().MatMul(gradients.OutputGradient);
        var delta1 = gradients.ActivationJacobian(1).Transpose().MatMul(gradients.PreActivationJacobian(2).Transpose().MatMul(delta2));
        Approximately.Equal(delta2, gradients.Delta(2), Tolerance);
        Approximately.Equal(delta1, gradients.Delta(1), Tolerance);
        Approximately.Equal(delta1.MatMul(gradients.WeightFactor(1)!.Transpose()), gradients.WeightGradient(1)!, Tolerance);
        Approximately.Equal(gradients.ActivationJacobian(1), Diagonal(gradients.ActivationDerivative(1)), Tolerance);
    }

    private static Matrix Diagonal(Matrix vector) => TensorOps.Diagonal(Tensor.Constant(vector)).Value;
}
