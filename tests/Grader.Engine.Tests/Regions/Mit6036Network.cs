using Grader.Engine.Activations;
using Grader.Engine.Linear;
using Grader.Engine.Networks;

namespace Grader.Engine.Tests.Regions;

/// <summary>The network of MIT 6.036 (Spring 2017) assignment 4, problem 1, with inverse temperature β.</summary>
internal static class Mit6036Network
{
    public static FeedForwardNetwork Create(double beta = 1) => new(2,
    [
        new Layer(Matrix.FromRows([[1, 0], [0, 1], [-1, 0], [0, -1]]), Matrix.Column(-1, -1, -1, -1), Activation.Relu),
        new Layer(Matrix.FromRows([[1, 1, 1, 1], [-1, -1, -1, -1]]), Matrix.Column(0, 2), Activation.Relu),
        Layer.ActivationOnly(Activation.Softmax(beta)),
    ]);

    /// <summary>The area of {f(z1) + … + f(z4) ≤ c} for c ≥ 0: the square [−1, 1]², four 2×c strips, four c²/2 corners.</summary>
    public static double AreaWhereHiddenSumIsAtMost(double c) => 4 + 8 * c + 2 * c * c;
}
