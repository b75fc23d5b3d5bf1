using Grader.Engine.Activations;
using Grader.Engine.Linear;
using Grader.Engine.Losses;
using Grader.Engine.Networks;

namespace Grader.Engine.Tests.Networks;

/// <summary>MIT 6.390 recitation 6 problem 2: Kim's 1-D four-layer ReLU network at (x, y) = (1, 2), worked by hand.</summary>
public sealed class KimNetworkTests
{
    // Every quantity here is a small integer or a one-digit decimal, so only rounding noise is tolerated.
    private const double Tolerance = 1e-12;

    private static readonly FeedForwardNetwork Kim = new(1,
    [
        Unit(w: 3, w0: -1, Activation.Relu),
        Unit(w: 4, w0: 1, Activation.Relu),
        Unit(w: 1, w0: -5, Activation.Relu),
        Unit(w: 1, w0: 1, Activation.Identity),
    ]);

    private static readonly ForwardTrace Trace = Kim.Forward(Matrix.Scalar(1));

    private static readonly BackwardTrace Gradients = Kim.Backward(Trace, Matrix.Scalar(2), Loss.SquaredError);

    [Fact]
    public void Forward_pass_gives_the_hand_worked_activations()
    {
        double[] z = [2, 9, 4, 5];
        double[] a = [2, 9, 4, 5];

        Assert.Equal(1, Trace.A(0).ScalarValue);
        for (var l = 1; l <= 4; l++)
        {
            Assert.Equal(z[l - 1], Trace.Z(l).ScalarValue, Tolerance);
            Assert.Equal(a[l - 1], Trace.A(l).ScalarValue, Tolerance);
        }
        Assert.Equal(5, Trace.Output.ScalarValue, Tolerance);
    }

    [Fact]
    public void Chain_rule_factors_match_the_hand_worked_values()
    {
        Assert.Equal(1, Gradients.WeightFactor(1)!.ScalarValue, Tolerance);
        Assert.Equal(1, Gradients.ActivationDerivative(1).ScalarValue, Tolerance);
        Assert.Equal(4, Gradients.PreActivationJacobian(2).ScalarValue, Tolerance);
        Assert.Equal(1, Gradients.ActivationDerivative(2).ScalarValue, Tolerance);
        Assert.Equal(1, Gradients.PreActivationJacobian(3).ScalarValue, Tolerance);
        Assert.Equal(1, Gradients.ActivationJacobian(3).ScalarValue, Tolerance);
        Assert.Equal(1, Gradients.PreActivationJacobian(4).ScalarValue, Tolerance);
        Assert.Equal(1, Gradients.ActivationJacobian(4).ScalarValue, Tolerance);
        Assert.Equal(6, Gradients.OutputGradient.ScalarValue, Tolerance);
    }

    [Fact]
    public void Loss_is_the_squared_error_without_a_half()
    {
        Assert.Equal(9, Gradients.LossValue, Tolerance);
    }

    [Fact]
    public void Weight_gradient_of_the_first_layer_is_24()
    {
        Assert.Equal(24, Gradients.WeightGradient(1)!.ScalarValue, Tolerance);
    }

    [Fact]
    public void Offset_gradient_of_the_first_layer_is_24()
    {
        Assert.Equal(24, Gradients.OffsetGradient(1)!.ScalarValue, Tolerance);
    }

    [Fact]
    public void One_gradient_descent_step_with_rate_0_1_takes_w1_to_0_6()
    {
        var stepped = Kim.GradientDescentStep(Gradients, 0.1);

        Assert.Equal(0.6, stepped.Layers[0].Weights!.ScalarValue, Tolerance);
        Assert.Equal(3, Kim.Layers[0].Weights!.ScalarValue);
    }

    private static Layer Unit(double w, double w0, Activation activation) =>
        new(Matrix.Scalar(w), Matrix.Scalar(w0), activation);
}
