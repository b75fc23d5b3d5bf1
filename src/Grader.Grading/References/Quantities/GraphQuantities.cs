using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Grading.References.Quantities;

/// <summary>
/// A staged computation at one point (CS 189's q = x + y, f = q·z): names are the variables and definitions
/// (their values) and <c>dF/dV</c>, the derivative of the scalar F with respect to a variable or an intermediate V.
/// </summary>
internal sealed class GraphQuantities(IReadOnlyDictionary<string, Tensor> nodes) : QuantitySource
{
    public override string DefaultQuantity => nodes.Keys.Last();

    protected override string KnownNames => string.Join(", ", nodes.Keys) + ", d<F>/d<V>";

    protected override Matrix? Find(string name)
    {
        if (nodes.TryGetValue(name, out var node))
        {
            return node.Value;
        }
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 2 || name[0] != 'd' || name[slash + 1] != 'd' || slash + 2 >= name.Length)
        {
            return null;
        }
        if (!nodes.TryGetValue(name[1..slash], out var output) || !nodes.TryGetValue(name[(slash + 2)..], out var input))
        {
            return null;
        }
        if (!output.Value.IsScalar)
        {
            throw new InvalidOperationException($"'{name[1..slash]}' is {output.Shape}; a derivative needs a scalar");
        }
        output.Backward();
        return input.Gradient;
    }
}
