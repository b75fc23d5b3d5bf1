using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Losses;

/// <summary>L = ½‖g − y‖², so ∂L/∂g = g − y.</summary>
public sealed record HalfSquaredNormLoss : Loss
{
    public override string Name => "half-squared-norm";

    public override Tensor Apply(Tensor g, Tensor y) => TensorOps.HalfSquaredNorm(g, y);

    private protected override Matrix GradientOfSameShape(Matrix g, Matrix y) => g.Subtract(y);
}
