using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Losses;

/// <summary>L = Σ(g − y)², so ∂L/∂g = 2(g − y).</summary>
public sealed record SquaredErrorLoss : Loss
{
    public override string Name => "squared-error";

    public override Tensor Apply(Tensor g, Tensor y) => TensorOps.SquaredError(g, y);

    private protected override Matrix GradientOfSameShape(Matrix g, Matrix y) => g.Subtract(y).Scale(2);
}
