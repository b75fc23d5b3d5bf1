using Grader.Engine.Linear;

namespace Grader.Engine.Recurrent;

/// <summary>The states of an LSTM run over a sequence: hₜ and cₜ for t = 0..T−1, after the initial state.</summary>
public sealed class LstmTrace
{
    private readonly LstmState[] _states;

    internal LstmTrace(LstmState initial, LstmState[] states)
    {
        Initial = initial;
        _states = states;
    }

    /// <summary>(h₋₁, c₋₁).</summary>
    public LstmState Initial { get; }

    /// <summary>T, the number of steps.</summary>
    public int Length => _states.Length;

    public IReadOnlyList<LstmState> States => _states;

    /// <summary>hₜ.</summary>
    public Matrix Hidden(int t) => _states[t].Hidden;

    /// <summary>cₜ.</summary>
    public Matrix Cell(int t) => _states[t].Cell;

    /// <summary>h₀ … h_{T−1} of a 1×1 cell, the sequence the handout's table asks for.</summary>
    public double[] ScalarHiddenSequence() => Array.ConvertAll(_states, state => state.Hidden.ScalarValue);
}
