using Grader.Engine.Linear;

namespace Grader.Engine.Autodiff;

/// <summary>
/// A matrix value in a computation graph, micrograd-style: each operation (see <see cref="TensorOps"/>) records how to pass
/// its output's gradient back to its inputs, and <see cref="Backward"/> walks the graph in reverse topological order.
/// Operations on constants record nothing, so plain evaluation costs one wrapper per value.
/// </summary>
public sealed class Tensor
{
    private static readonly Tensor[] NoParents = [];

    private readonly Tensor[] _parents;
    private readonly Action<Tensor>? _backward;
    private double[]? _gradient;

    private Tensor(Matrix value, bool requiresGradient, Tensor[] parents, Action<Tensor>? backward)
    {
        Value = value;
        RequiresGradient = requiresGradient;
        _parents = parents;
        _backward = backward;
    }

    public Matrix Value { get; }

    public Shape Shape => Value.Shape;

    /// <summary>True for variables and for every value computed from one.</summary>
    public bool RequiresGradient { get; }

    /// <summary>∂(output)/∂(this) after <see cref="Backward"/>; zeros if nothing flowed here.</summary>
    public Matrix Gradient => _gradient is null ? Matrix.Zeros(Value.Shape) : Matrix.FromRowMajor(Value.Rows, Value.Columns, (double[])_gradient.Clone());

    public static Tensor Constant(Matrix value) => new(value, false, NoParents, null);

    public static Tensor Constant(double value) => Constant(Matrix.Scalar(value));

    /// <summary>A leaf whose gradient is wanted.</summary>
    public static Tensor Variable(Matrix value) => new(value, true, NoParents, null);

    /// <summary>Records an operation's result; the backward rule runs only if some input needs a gradient.</summary>
    internal static Tensor FromOperation(Matrix value, Action<Tensor> backward, params Tensor[] inputs)
    {
        foreach (var input in inputs)
        {
            if (input.RequiresGradient)
            {
                return new Tensor(value, true, inputs, backward);
            }
        }
        return Constant(value);
    }

    /// <summary>The gradient received so far, as a span (zeros are allocated on first use).</summary>
    internal ReadOnlySpan<double> OutputGradient => _gradient ??= new double[Value.Count];

    internal void Accumulate(int index, double amount)
    {
        if (RequiresGradient)
        {
            (_gradient ??= new double[Value.Count])[index] += amount;
        }
    }

    internal void Accumulate(Matrix amount)
    {
        if (!RequiresGradient)
        {
            return;
        }
        var gradient = _gradient ??= new double[Value.Count];
        var values = amount.Values;
        for (var i = 0; i < gradient.Length; i++)
        {
            gradient[i] += values[i];
        }
    }

    /// <summary>Computes ∂this/∂v for every v this scalar depends on.</summary>
    public void Backward()
    {
        if (!Value.IsScalar)
        {
            throw new InvalidOperationException($"backward needs a scalar output, this is {Value.Shape}");
        }
        var order = TopologicalOrder();
        foreach (var node in order)
        {
            node._gradient = null;
        }
        _gradient = [1.0];
        for (var i = order.Count - 1; i >= 0; i--)
        {
            order[i]._backward?.Invoke(order[i]);
        }
    }

    // Iterative depth-first search, so a long chain cannot overflow the stack.
    private List<Tensor> TopologicalOrder()
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor Node, int NextParent)>();
        stack.Push((this, 0));
        visited.Add(this);
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node._parents.Length)
            {
                stack.Push((node, next + 1));
                var parent = node._parents[next];
                if (parent.RequiresGradient && visited.Add(parent))
                {
                    stack.Push((parent, 0));
                }
            }
            else
            {
                order.Add(node);
            }
        }
        return order;
    }

    public override string ToString() => Value.ToString();
}
