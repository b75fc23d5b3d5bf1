namespace Grader.Engine.Autodiff;

/// <summary>
/// Every element-wise function of the engine and its derivative, in one table.
/// Kinks (relu and lure at 0, abs at 0) take the one-sided value the handouts use: ∂ReLU/∂z = 1 if z > 0, else 0.
/// </summary>
public static class ElementwiseFunctions
{
    public static readonly ElementwiseFunction Identity = new("identity", x => x, (_, _) => 1);

    public static readonly ElementwiseFunction Relu = new("relu", x => x > 0 ? x : 0, (x, _) => x > 0 ? 1 : 0);

    /// <summary>LUre(z) = min(z, 0), the mirror image of ReLU from MIT 6.390 recitation 6.</summary>
    public static readonly ElementwiseFunction Lure = new("lure", x => x < 0 ? x : 0, (x, _) => x < 0 ? 1 : 0);

    public static readonly ElementwiseFunction Sigmoid = new("sigmoid", Logistic, (_, y) => y * (1 - y));

    public static readonly ElementwiseFunction Tanh = new("tanh", Math.Tanh, (_, y) => 1 - y * y);

    /// <summary>The unit step, 1 for z &gt; 0 and 0 otherwise; its derivative is 0 wherever it exists.</summary>
    public static readonly ElementwiseFunction Step = new("step", x => x > 0 ? 1 : 0, (_, _) => 0);

    public static readonly ElementwiseFunction Exp = new("exp", Math.Exp, (_, y) => y);

    public static readonly ElementwiseFunction Log = new("log", Math.Log, (x, _) => 1 / x);

    public static readonly ElementwiseFunction Sqrt = new("sqrt", Math.Sqrt, (_, y) => 0.5 / y);

    public static readonly ElementwiseFunction Abs = new("abs", Math.Abs, (x, _) => x > 0 ? 1 : x < 0 ? -1 : 0);

    public static readonly ElementwiseFunction Sign = new("sign", x => Math.Sign(x), (_, _) => 0);

    public static readonly ElementwiseFunction Sin = new("sin", Math.Sin, (x, _) => Math.Cos(x));

    public static readonly ElementwiseFunction Cos = new("cos", Math.Cos, (x, _) => -Math.Sin(x));

    // σ′(x) = 1/(4 cosh²(x/2)) is a form students derive, so the hyperbolic functions beside tanh are here too.
    public static readonly ElementwiseFunction Cosh = new("cosh", Math.Cosh, (x, _) => Math.Sinh(x));

    public static readonly ElementwiseFunction Sinh = new("sinh", Math.Sinh, (x, _) => Math.Cosh(x));

    public static IReadOnlyList<ElementwiseFunction> All { get; } =
        [Identity, Relu, Lure, Sigmoid, Tanh, Step, Exp, Log, Sqrt, Abs, Sign, Sin, Cos, Cosh, Sinh];

    public static bool TryFind(string name, out ElementwiseFunction function)
    {
        foreach (var candidate in All)
        {
            if (candidate.Name == name)
            {
                function = candidate;
                return true;
            }
        }
        function = Identity;
        return false;
    }

    /// <summary>σ(x) = 1/(1 + e^−x), written so that neither branch overflows.</summary>
    public static double Logistic(double x)
    {
        if (x >= 0)
        {
            return 1 / (1 + Math.Exp(-x));
        }
        var e = Math.Exp(x);
        return e / (1 + e);
    }
}
