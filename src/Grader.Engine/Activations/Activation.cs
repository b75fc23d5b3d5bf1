using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Activations;

/// <summary>A layer's activation: an element-wise function, or a softmax with inverse temperature β.</summary>
public abstract record Activation
{
    public static Activation Identity { get; } = new Elementwise(ElementwiseFunctions.Identity);

    public static Activation Relu { get; } = new Elementwise(ElementwiseFunctions.Relu);

    public static Activation Lure { get; } = new Elementwise(ElementwiseFunctions.Lure);

    public static Activation Sigmoid { get; } = new Elementwise(ElementwiseFunctions.Sigmoid);

    public static Activation Tanh { get; } = new Elementwise(ElementwiseFunctions.Tanh);

    public static Activation Step { get; } = new Elementwise(ElementwiseFunctions.Step);

    public static Activation Softmax(double beta = 1) => new SoftmaxActivation(beta);

    public abstract string Name { get; }

    /// <summary>True when the activation is linear on each side of 0 per unit (identity, relu, lure, step).</summary>
    public virtual bool IsPiecewiseLinear => false;

    public abstract Matrix Apply(Matrix z);

    public abstract Tensor Apply(Tensor z);

    /// <summary>∂L/∂z given ∂L/∂a, for a = f(z).</summary>
    public abstract Matrix Backpropagate(Matrix z, Matrix a, Matrix gradientOfOutput);

    /// <summary>The Jacobian ∂a/∂z (diagonal for element-wise activations).</summary>
    public abstract Matrix Jacobian(Matrix z, Matrix a);

    public static bool TryParse(string name, out Activation activation)
    {
        activation = name switch
        {
            "identity" or "linear" => Identity,
            "relu" => Relu,
            "lure" => Lure,
            "sigmoid" => Sigmoid,
            "tanh" => Tanh,
            "step" => Step,
            "softmax" => Softmax(),
            _ => Identity,
        };
        return name is "identity" or "linear" or "relu" or "lure" or "sigmoid" or "tanh" or "step" or "softmax";
    }

    /// <summary>An activation applied to each unit on its own.</summary>
    public sealed record Elementwise(ElementwiseFunction Function) : Activation
    {
        public override string Name => Function.Name;

        public override bool IsPiecewiseLinear => Function == ElementwiseFunctions.Identity || Function == ElementwiseFunctions.Relu
            || Function == ElementwiseFunctions.Lure || Function == ElementwiseFunctions.Step;

        public override Matrix Apply(Matrix z) => z.Map(Function.Apply);

        public override Tensor Apply(Tensor z) => TensorOps.Apply(z, Function);

        public override Matrix Backpropagate(Matrix z, Matrix a, Matrix gradientOfOutput) =>
            gradientOfOutput.Hadamard(Derivative(z, a));

        public override Matrix Jacobian(Matrix z, Matrix a)
        {
            var derivative = Derivative(z, a);
            var values = new double[z.Count * z.Count];
            for (var i = 0; i < z.Count; i++)
            {
                values[i * z.Count + i] = derivative[i];
            }
            return Matrix.FromRowMajor(z.Count, z.Count, values);
        }

        /// <summary>f′(z) element by element.</summary>
        public Matrix Derivative(Matrix z, Matrix a) => z.Zip(a, Function.Derivative);

        public override string ToString() => Name;
    }

    /// <summary>softmax(β·z): a probability vector; β is the inverse temperature of MIT 6.036 problem 1(d).</summary>
    public sealed record SoftmaxActivation(double Beta) : Activation
    {
        public override string Name => "softmax";

        public override Matrix Apply(Matrix z) => TensorOps.SoftmaxValue(z, Beta);

        public override Tensor Apply(Tensor z) => TensorOps.Softmax(z, Beta);

        public override Matrix Backpropagate(Matrix z, Matrix a, Matrix gradientOfOutput) =>
            Jacobian(z, a).Transpose().MatMul(gradientOfOutput);

        public override Matrix Jacobian(Matrix z, Matrix a)
        {
            var n = a.Count;
            var values = new double[n * n];
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++)
                {
                    values[j * n + k] = Beta * a[j] * ((j == k ? 1 : 0) - a[k]);
                }
            }
            return Matrix.FromRowMajor(n, n, values);
        }

        public override string ToString() => FormattableString.Invariant($"softmax(β={Beta})");
    }
}
