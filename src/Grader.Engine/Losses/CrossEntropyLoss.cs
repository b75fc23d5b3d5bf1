using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Losses;

/// <summary>L = −Σ yᵢ log gᵢ over predicted probabilities g, so ∂L/∂gᵢ = −yᵢ/gᵢ.</summary>
public sealed record CrossEntropyLoss : Loss
{
    public override string Name => "cross-entropy";

    public override Tensor Apply(Tensor g, Tensor y) => TensorOps.CrossEntropy(g, y);

    private protected override Matrix GradientOfSameShape(Matrix g, Matrix y) => y.Zip(g, static (yi, gi) => -yi / gi);
}
