using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Losses;

/// <summary>A loss L(g, y) of a prediction g against a target y, with its value, its gradient ∂L/∂g and a tensor form.</summary>
public abstract record Loss
{
    /// <summary>Σ(g − y)², the squared error MIT 6.390 uses (no ½).</summary>
    public static Loss SquaredError { get; } = new SquaredErrorLoss();

    /// <summary>½‖g − y‖².</summary>
    public static Loss HalfSquaredNorm { get; } = new HalfSquaredNormLoss();

    /// <summary>−Σ yᵢ log gᵢ, for predicted probabilities g.</summary>
    public static Loss CrossEntropy { get; } = new CrossEntropyLoss();

    public abstract string Name { get; }

    /// <summary>The tensor form, built on <see cref="TensorOps"/> so autodiff can check <see cref="Gradient"/>.</summary>
    public abstract Tensor Apply(Tensor g, Tensor y);

    /// <summary>∂L/∂g, the same shape as g.</summary>
    public Matrix Gradient(Matrix g, Matrix y)
    {
        RequireSameShape(g, y);
        return GradientOfSameShape(g, y);
    }

    // The value comes from the tensor form so that the two can never disagree.
    public double Value(Matrix g, Matrix y)
    {
        RequireSameShape(g, y);
        return Apply(Tensor.Constant(g), Tensor.Constant(y)).Value.ScalarValue;
    }

    public static bool TryParse(string name, out Loss loss)
    {
        loss = name switch
        {
            "squared-error" or "squared_error" => SquaredError,
            "half-squared-norm" or "half_squared_norm" => HalfSquaredNorm,
            "cross-entropy" or "cross_entropy" or "nll" => CrossEntropy,
            _ => SquaredError,
        };
        return name is "squared-error" or "squared_error" or "half-squared-norm" or "half_squared_norm"
            or "cross-entropy" or "cross_entropy" or "nll";
    }

    public sealed override string ToString() => Name;

    private protected abstract Matrix GradientOfSameShape(Matrix g, Matrix y);

    private static void RequireSameShape(Matrix g, Matrix y)
    {
        if (g.Shape != y.Shape)
        {
            throw new ShapeMismatchException($"the prediction is {g.Shape} but the target is {y.Shape}");
        }
    }
}
