namespace Grader.Engine.Autodiff;

/// <summary>A real function applied to every element, with its derivative written in terms of the input and the output.</summary>
/// <param name="Name">The name students and problem files use (sigmoid, relu, …).</param>
/// <param name="Apply">f(x).</param>
/// <param name="Derivative">f′(x), given x and f(x) (so sigmoid and tanh reuse their output).</param>
public sealed record ElementwiseFunction(string Name, Func<double, double> Apply, Func<double, double, double> Derivative)
{
    public override string ToString() => Name;
}
