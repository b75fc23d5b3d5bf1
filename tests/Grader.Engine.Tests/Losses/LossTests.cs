using Grader.Engine.Autodiff;
using Grader.Engine.Linear;
using Grader.Engine.Losses;
using Grader.Engine.Sampling;

namespace Grader.Engine.Tests.Losses;

public sealed class LossTests
{
    private static readonly Matrix G = Matrix.Column(0.2, 0.5, 0.3);
    private static readonly Matrix Y = Matrix.Column(0, 1, 0);

    public static TheoryData<string> Names => new("squared-error", "half-squared-norm", "cross-entropy");

    [Fact]
    public void Squared_error_sums_squared_residuals_without_a_half()
    {
        Assert.Equal(0.04 + 0.25 + 0.09, Loss.SquaredError.Value(G, Y), 1e-15);
        Assert.Equal(Matrix.Column(0.4, -1, 0.6), Loss.SquaredError.Gradient(G, Y));
    }

    [Fact]
    public void Half_squared_norm_is_half_the_squared_error()
    {
        Assert.Equal(0.19, Loss.HalfSquaredNorm.Value(G, Y), 1e-15);
        Assert.Equal(Matrix.Column(0.2, -0.5, 0.3), Loss.HalfSquaredNorm.Gradient(G, Y));
    }

    [Fact]
    public void Cross_entropy_is_minus_log_of_the_true_class_probability()
    {
        Assert.Equal(-Math.Log(0.5), Loss.CrossEntropy.Value(G, Y), 1e-15);
        Assert.Equal(Matrix.Column(0, -2, 0), Loss.CrossEntropy.Gradient(G, Y));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Loss_gradient_matches_autodiff_of_its_tensor_form(string name)
    {
        Assert.True(Loss.TryParse(name, out var loss));
        var random = SeededRandom.FromText(name);
        var g = RandomMatrices.Uniform(random, 3, 2, 0.1, 1);
        var y = RandomMatrices.Uniform(random, 3, 2, 0, 1);
        var variable = Tensor.Variable(g);

        var value = loss.Apply(variable, Tensor.Constant(y));
        value.Backward();

        Assert.Equal(value.Value.ScalarValue, loss.Value(g, y), 1e-15);
        Approximately.Equal(variable.Gradient, loss.Gradient(g, y), 1e-12);
    }

    [Fact]
    public void Mismatched_shapes_are_rejected()
    {
        Assert.Throws<ShapeMismatchException>(() => Loss.SquaredError.Gradient(G, Matrix.Column(1, 2)));
        Assert.Throws<ShapeMismatchException>(() => Loss.CrossEntropy.Value(G, Matrix.Column(1, 2)));
    }

    [Fact]
    public void Unknown_loss_names_do_not_parse()
    {
        Assert.False(Loss.TryParse("hinge", out _));
    }
}
