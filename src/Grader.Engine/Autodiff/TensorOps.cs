using Grader.Engine.Linear;

namespace Grader.Engine.Autodiff;

/// <summary>
/// The primitive operations on tensors, each with its backward rule beside it: every gradient of the engine is in this file
/// or in <see cref="ElementwiseFunctions"/>. Element-wise operations accept equal shapes, or a 1×1 operand that is
/// broadcast (its gradient is the sum over the elements it touched).
/// </summary>
public static class TensorOps
{
    public static Tensor Add(Tensor a, Tensor b) => Elementwise(a, b, "+", static (x, y) => x + y, static (_, _, _) => 1, static (_, _, _) => 1);

    public static Tensor Subtract(Tensor a, Tensor b) =>
        Elementwise(a, b, "-", static (x, y) => x - y, static (_, _, _) => 1, static (_, _, _) => -1);

    /// <summary>The element-wise product; with a 1×1 operand it is scaling.</summary>
    public static Tensor Multiply(Tensor a, Tensor b) =>
        Elementwise(a, b, ".*", static (x, y) => x * y, static (_, y, _) => y, static (x, _, _) => x);

    public static Tensor Divide(Tensor a, Tensor b) =>
        Elementwise(a, b, "/", static (x, y) => x / y, static (_, y, _) => 1 / y, static (_, y, z) => -z / y);

    /// <summary>The element-wise power a^b.</summary>
    public static Tensor Power(Tensor a, Tensor b) =>
        Elementwise(a, b, "^", Math.Pow, static (x, y, _) => y == 0 ? 0 : y * Math.Pow(x, y - 1), static (x, _, z) => z * Math.Log(x));

    public static Tensor Maximum(Tensor a, Tensor b) =>
        Elementwise(a, b, "max", Math.Max, static (x, y, _) => x >= y ? 1 : 0, static (x, y, _) => x >= y ? 0 : 1);

    public static Tensor Minimum(Tensor a, Tensor b) =>
        Elementwise(a, b, "min", Math.Min, static (x, y, _) => x <= y ? 1 : 0, static (x, y, _) => x <= y ? 0 : 1);

    public static Tensor Negate(Tensor a) => Scale(a, -1);

    public static Tensor Scale(Tensor a, double factor) =>
        Tensor.FromOperation(a.Value.Scale(factor), output => a.Accumulate(Gradient(output).Scale(factor)), a);

    /// <summary>The matrix product; ∂/∂A = G·Bᵀ and ∂/∂B = Aᵀ·G.</summary>
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        var value = a.Value.MatMul(b.Value);
        return Tensor.FromOperation(value, output =>
        {
            var gradient = Gradient(output);
            a.Accumulate(gradient.MatMul(b.Value.Transpose()));
            b.Accumulate(a.Value.Transpose().MatMul(gradient));
        }, a, b);
    }

    public static Tensor Transpose(Tensor a) =>
        Tensor.FromOperation(a.Value.Transpose(), output => a.Accumulate(Gradient(output).Transpose()), a);

    /// <summary>The sum of all elements, a scalar.</summary>
    public static Tensor Sum(Tensor a) =>
        Tensor.FromOperation(Matrix.Scalar(a.Value.Sum()), output => a.Accumulate(Matrix.Filled(a.Shape, output.OutputGradient[0])), a);

    /// <summary>The largest element, a scalar; the gradient goes to the first element that attains it.</summary>
    public static Tensor MaxElement(Tensor a) => Extreme(a, static (x, best) => x > best);

    /// <summary>The smallest element, a scalar; the gradient goes to the first element that attains it.</summary>
    public static Tensor MinElement(Tensor a) => Extreme(a, static (x, best) => x < best);

    public static Tensor Apply(Tensor a, ElementwiseFunction function)
    {
        var value = a.Value.Map(function.Apply);
        return Tensor.FromOperation(value, output =>
        {
            var gradient = output.OutputGradient;
            for (var i = 0; i < gradient.Length; i++)
            {
                a.Accumulate(i, gradient[i] * function.Derivative(a.Value[i], value[i]));
            }
        }, a);
    }

    /// <summary>softmax(β·a) over all elements; ∂sⱼ/∂aₖ = β·sⱼ(δⱼₖ − sₖ).</summary>
    public static Tensor Softmax(Tensor a, double beta = 1)
    {
        var value = SoftmaxValue(a.Value, beta);
        return Tensor.FromOperation(value, output =>
        {
            var gradient = output.OutputGradient;
            var weighted = 0.0;
            for (var i = 0; i < gradient.Length; i++)
            {
                weighted += gradient[i] * value[i];
            }
            for (var i = 0; i < gradient.Length; i++)
            {
                a.Accumulate(i, beta * value[i] * (gradient[i] - weighted));
            }
        }, a);
    }

    /// <summary>The square matrix with the vector v on its diagonal.</summary>
    public static Tensor Diagonal(Tensor v)
    {
        if (v.Shape.Columns != 1 && v.Shape.Rows != 1)
        {
            throw new ShapeMismatchException($"diag needs a vector, not a {v.Shape} matrix");
        }
        var n = v.Value.Count;
        var values = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            values[i * n + i] = v.Value[i];
        }
        return Tensor.FromOperation(Matrix.FromRowMajor(n, n, values), output =>
        {
            var gradient = output.OutputGradient;
            for (var i = 0; i < n; i++)
            {
                v.Accumulate(i, gradient[i * n + i]);
            }
        }, v);
    }

    /// <summary>The squared-error loss Σ(g − y)², as in MIT 6.390.</summary>
    public static Tensor SquaredError(Tensor g, Tensor y) => Loss(g, y, 1.0);

    /// <summary>½‖g − y‖².</summary>
    public static Tensor HalfSquaredNorm(Tensor g, Tensor y) => Loss(g, y, 0.5);

    /// <summary>The cross-entropy −Σ yᵢ log pᵢ of predicted probabilities p against targets y.</summary>
    public static Tensor CrossEntropy(Tensor p, Tensor y)
    {
        RequireSameShape(p, y, "cross-entropy");
        var loss = 0.0;
        for (var i = 0; i < p.Value.Count; i++)
        {
            loss -= y.Value[i] * Math.Log(p.Value[i]);
        }
        return Tensor.FromOperation(Matrix.Scalar(loss), output =>
        {
            var upstream = output.OutputGradient[0];
            for (var i = 0; i < p.Value.Count; i++)
            {
                p.Accumulate(i, -upstream * y.Value[i] / p.Value[i]);
                y.Accumulate(i, -upstream * Math.Log(p.Value[i]));
            }
        }, p, y);
    }

    private static Tensor Extreme(Tensor a, Func<double, double, bool> better)
    {
        var index = 0;
        for (var i = 1; i < a.Value.Count; i++)
        {
            if (better(a.Value[i], a.Value[index]))
            {
                index = i;
            }
        }
        return Tensor.FromOperation(Matrix.Scalar(a.Value[index]), output => a.Accumulate(index, output.OutputGradient[0]), a);
    }

    internal static Matrix SoftmaxValue(Matrix a, double beta)
    {
        var max = double.NegativeInfinity;
        foreach (var x in a.Values)
        {
            max = Math.Max(max, beta * x);
        }
        var values = new double[a.Count];
        var total = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Exp(beta * a[i] - max);
            total += values[i];
        }
        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= total;
        }
        return Matrix.FromRowMajor(a.Rows, a.Columns, values);
    }

    private static Tensor Loss(Tensor g, Tensor y, double factor)
    {
        RequireSameShape(g, y, "the loss");
        var residual = g.Value.Subtract(y.Value);
        var loss = factor * residual.Hadamard(residual).Sum();
        return Tensor.FromOperation(Matrix.Scalar(loss), output =>
        {
            var slope = residual.Scale(2 * factor * output.OutputGradient[0]);
            g.Accumulate(slope);
            y.Accumulate(slope.Negate());
        }, g, y);
    }

    private static void RequireSameShape(Tensor a, Tensor b, string operation)
    {
        if (a.Shape != b.Shape)
        {
            throw new ShapeMismatchException($"shapes {a.Shape} and {b.Shape} do not match for {operation}");
        }
    }

    private static Matrix Gradient(Tensor output) =>
        Matrix.FromRowMajor(output.Shape.Rows, output.Shape.Columns, output.OutputGradient.ToArray());

    /// <summary>
    /// An element-wise binary operation with 1×1 broadcasting; the partials take (a, b, a∘b) at one element.
    /// </summary>
    private static Tensor Elementwise(
        Tensor a,
        Tensor b,
        string name,
        Func<double, double, double> function,
        Func<double, double, double, double> partialA,
        Func<double, double, double, double> partialB)
    {
        var shape = BroadcastShape(a.Shape, b.Shape, name);
        var count = shape.Count;
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = function(At(a, i), At(b, i));
        }
        return Tensor.FromOperation(Matrix.FromRowMajor(shape.Rows, shape.Columns, values), output =>
        {
            var gradient = output.OutputGradient;
            for (var i = 0; i < count; i++)
            {
                if (gradient[i] == 0)
                {
                    continue;
                }
                var (x, y) = (At(a, i), At(b, i));
                if (a.RequiresGradient)
                {
                    a.Accumulate(a.Value.IsScalar ? 0 : i, gradient[i] * partialA(x, y, values[i]));
                }
                if (b.RequiresGradient)
                {
                    b.Accumulate(b.Value.IsScalar ? 0 : i, gradient[i] * partialB(x, y, values[i]));
                }
            }
        }, a, b);
    }

    private static double At(Tensor t, int index) => t.Value.IsScalar ? t.Value[0] : t.Value[index];

    /// <summary>The shape of an element-wise result: equal shapes, or a 1×1 operand stretched to the other.</summary>
    public static Shape BroadcastShape(Shape a, Shape b, string operation)
    {
        if (a == b || b.IsScalar)
        {
            return a;
        }
        if (a.IsScalar)
        {
            return b;
        }
        throw new ShapeMismatchException($"shapes {a} and {b} do not match for {operation}");
    }
}
