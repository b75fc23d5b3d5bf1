using Grader.Engine.Autodiff;
using Grader.Engine.Linear;
using Grader.Engine.Sequences;

namespace Grader.Engine.Recurrent;

/// <summary>
/// A recurrent cell written with <see cref="TensorOps"/>, so the unrolled sequence is one computation graph and
/// backpropagation through time is reverse-mode autodiff over it: every gradient rule is a primitive's. Each step returns
/// its new state and the named intermediates (gates) a problem may ask for.
/// </summary>
public abstract class RecurrentCell
{
    /// <summary>The parameter names of the cell, in the order problem files list them.</summary>
    public abstract IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The names of a step's intermediates, e.g. z and r for a GRU (the state h is always there).</summary>
    public abstract IReadOnlyList<string> IntermediateNames { get; }

    /// <summary>One step from the state (h, and c for an LSTM) and the input column x.</summary>
    public abstract IReadOnlyDictionary<string, Tensor> Step(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> state, Tensor x);

    /// <summary>The state names carried from step to step ("h", or "h" and "c").</summary>
    public virtual IReadOnlyList<string> StateNames => ["h"];

    /// <summary>
    /// Runs the cell over the rows of a T×m input from the initial state; returns every step's values by name and step
    /// (h1 … hT, z1 …), 1-based as handouts number them.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, Tensor>> Run(
        IReadOnlyDictionary<string, Tensor> parameters, Tensor inputs, IReadOnlyDictionary<string, Tensor> initial)
    {
        foreach (var name in ParameterNames.Where(name => !parameters.ContainsKey(name)))
        {
            throw new ArgumentException($"the cell needs the parameter '{name}' (all: {string.Join(", ", ParameterNames)})");
        }
        var steps = new List<IReadOnlyDictionary<string, Tensor>>();
        var state = initial;
        for (var t = 0; t < inputs.Shape.Rows; t++)
        {
            var values = Step(parameters, state, SequenceOps.Row(inputs, t));
            steps.Add(values);
            state = StateNames.ToDictionary(name => name, name => values[name], StringComparer.Ordinal);
        }
        return steps;
    }

    /// <summary>W·x + U·h + b, the affine map every gate starts with.</summary>
    protected static Tensor Affine(Tensor w, Tensor x, Tensor u, Tensor h, Tensor b) =>
        TensorOps.Add(TensorOps.Add(TensorOps.MatMul(w, x), TensorOps.MatMul(u, h)), b);

    protected static Tensor Sigmoid(Tensor t) => TensorOps.Apply(t, ElementwiseFunctions.Sigmoid);

    protected static Tensor Tanh(Tensor t) => TensorOps.Apply(t, ElementwiseFunctions.Tanh);

    public static bool TryCreate(string name, out RecurrentCell cell)
    {
        cell = name switch
        {
            "rnn" or "vanilla" or "elman" => new ElmanCell(),
            "gru" => new GruCell(),
            "lstm" => new LstmTensorCell(),
            _ => new ElmanCell(),
        };
        return name is "rnn" or "vanilla" or "elman" or "gru" or "lstm";
    }

    /// <summary>Zeros of the hidden size, for each state name.</summary>
    public IReadOnlyDictionary<string, Tensor> ZeroState(int hiddenSize) =>
        StateNames.ToDictionary(name => name, _ => Tensor.Constant(Matrix.Zeros(hiddenSize, 1)), StringComparer.Ordinal);
}
