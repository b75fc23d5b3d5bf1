using Grader.Engine.Autodiff;

namespace Grader.Engine.Recurrent;

/// <summary>
/// The 1×1 LSTM cell on plain doubles: grading a student's design simulates thousands of steps, so this path allocates
/// nothing. It computes exactly what <see cref="LstmCell"/> computes for 1×1 parameters.
/// </summary>
public sealed class ScalarLstm
{
    private readonly double _wfh, _wfx, _bf, _wih, _wix, _bi, _woh, _wox, _bo, _wch, _wcx, _bc;

    public ScalarLstm(LstmParameters parameters)
    {
        if (parameters.HiddenSize != 1 || parameters.InputSize != 1)
        {
            throw new ArgumentException(
                $"a scalar LSTM needs n = m = 1, not n = {parameters.HiddenSize}, m = {parameters.InputSize}", nameof(parameters));
        }
        var p = parameters;
        (_wfh, _wfx, _bf) = (p.Wfh[0], p.Wfx[0], p.Bf[0]);
        (_wih, _wix, _bi) = (p.Wih[0], p.Wix[0], p.Bi[0]);
        (_woh, _wox, _bo) = (p.Woh[0], p.Wox[0], p.Bo[0]);
        (_wch, _wcx, _bc) = (p.Wch[0], p.Wcx[0], p.Bc[0]);
    }

    /// <summary>One step from (hₜ₋₁, cₜ₋₁) on input xₜ; with round, hₜ is rounded half away from zero.</summary>
    public ScalarLstmState Step(double h, double c, double x, bool round)
    {
        var f = ElementwiseFunctions.Logistic(_wfh * h + _wfx * x + _bf);
        var i = ElementwiseFunctions.Logistic(_wih * h + _wix * x + _bi);
        var o = ElementwiseFunctions.Logistic(_woh * h + _wox * x + _bo);
        var cell = f * c + i * Math.Tanh(_wch * h + _wcx * x + _bc);
        var hidden = o * Math.Tanh(cell);
        return new ScalarLstmState(round ? LstmCell.RoundHidden(hidden) : hidden, cell);
    }

    /// <summary>Runs over inputs from (h₋₁, c₋₁), writing hₜ into hidden (at least as long as inputs); returns the last state.</summary>
    public ScalarLstmState Run(ReadOnlySpan<double> inputs, Span<double> hidden, bool round, double h = 0, double c = 0)
    {
        if (hidden.Length < inputs.Length)
        {
            throw new ArgumentException($"{hidden.Length} slots cannot hold {inputs.Length} hidden values", nameof(hidden));
        }
        var state = new ScalarLstmState(h, c);
        for (var t = 0; t < inputs.Length; t++)
        {
            state = Step(state.H, state.C, inputs[t], round);
            hidden[t] = state.H;
        }
        return state;
    }
}
