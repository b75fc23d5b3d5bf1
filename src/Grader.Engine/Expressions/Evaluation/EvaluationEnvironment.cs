using Grader.Engine.Autodiff;
using Grader.Engine.Expressions.Ast;
using Grader.Engine.Linear;

namespace Grader.Engine.Expressions.Evaluation;

/// <summary>
/// The values an expression is evaluated with: variables, and named definitions (z1 = A*x, z2 = sigmoid(z1)) that are
/// evaluated on first use and then reused, so an answer and its reference can share them at one point. One per point;
/// not thread-safe.
/// </summary>
public sealed class EvaluationEnvironment
{
    private readonly IReadOnlyDictionary<string, Tensor>? _tensors;
    private readonly IReadOnlyDictionary<string, Matrix>? _matrices;
    private readonly IReadOnlyDictionary<string, Expression>? _definitions;
    private Dictionary<string, Tensor>? _defined;
    private List<string>? _defining;
    private ExpressionError? _cycle;

    public EvaluationEnvironment(IReadOnlyDictionary<string, Tensor> variables, IReadOnlyDictionary<string, Expression>? definitions = null)
    {
        _tensors = variables ?? throw new ArgumentNullException(nameof(variables));
        _definitions = definitions;
    }

    /// <summary>Variables given as plain matrices; the values are constants, so nothing records gradients.</summary>
    public EvaluationEnvironment(IReadOnlyDictionary<string, Matrix> variables, IReadOnlyDictionary<string, Expression>? definitions = null)
    {
        _matrices = variables ?? throw new ArgumentNullException(nameof(variables));
        _definitions = definitions;
    }

    /// <summary>Every name an answer may use here; pass it to the parser.</summary>
    public IReadOnlyCollection<string> Names
    {
        get
        {
            var names = new HashSet<string>(_tensors?.Keys ?? _matrices!.Keys, StringComparer.Ordinal);
            names.UnionWith(_definitions?.Keys ?? []);
            return names;
        }
    }

    internal Tensor Resolve(string name, int position)
    {
        if (_tensors is not null && _tensors.TryGetValue(name, out var tensor))
        {
            return tensor;
        }
        if (_matrices is not null && _matrices.TryGetValue(name, out var matrix))
        {
            return Tensor.Constant(matrix);
        }
        if (_definitions is not null && _definitions.TryGetValue(name, out var definition))
        {
            return Define(name, definition, position);
        }
        throw new ExpressionException(new ExpressionError($"unknown variable '{name}'", position));
    }

    private Tensor Define(string name, Expression definition, int position)
    {
        if (_defined is not null && _defined.TryGetValue(name, out var known))
        {
            return known;
        }
        var defining = _defining ??= [];
        var cycleStart = defining.IndexOf(name);
        if (cycleStart >= 0)
        {
            var path = string.Join(" → ", defining.Skip(cycleStart).Append(name));
            _cycle = new ExpressionError($"definition '{name}' depends on itself ({path})", position);
            throw new ExpressionException(_cycle);
        }
        var outermost = defining.Count == 0;
        defining.Add(name);
        Tensor value;
        try
        {
            value = definition.Evaluate(this);
        }
        catch (ExpressionException exception) when (outermost)
        {
            // Point at the answer's use of the name; the definition's own position goes in the message.
            var inner = exception.Error;
            throw new ExpressionException(ReferenceEquals(inner, _cycle)
                ? inner with { Position = position }
                : new ExpressionError($"definition '{name}' failed ({inner})", position));
        }
        finally
        {
            defining.RemoveAt(defining.Count - 1);
        }
        return (_defined ??= new Dictionary<string, Tensor>(StringComparer.Ordinal))[name] = value;
    }
}
