using Grader.Engine.Autodiff;
using Grader.Engine.Linear;

namespace Grader.Engine.Recurrent;

/// <summary>
/// The LSTM update of MIT 6.036: fₜ, iₜ, oₜ = σ(W^{·,h}hₜ₋₁ + W^{·,x}xₜ + b), cₜ = fₜ⊙cₜ₋₁ + iₜ⊙tanh(W^{c,h}hₜ₋₁ + W^{c,x}xₜ + b_c),
/// hₜ = oₜ⊙tanh(cₜ).
/// </summary>
public sealed class LstmCell(LstmParameters parameters)
{
    public LstmParameters Parameters { get; } = parameters;

    /// <summary>One step; with roundHidden, hₜ is rounded to the nearest integer before it is returned (the handout's rule).</summary>
    public LstmState Step(LstmState previous, Matrix x, bool roundHidden)
    {
        var p = Parameters;
        if (previous.Hidden.Rows != p.HiddenSize)
        {
            throw new ShapeMismatchException($"the state has {previous.Hidden.Rows} units, the cell has {p.HiddenSize}");
        }
        if (x.Shape != new Shape(p.InputSize, 1))
        {
            throw new ShapeMismatchException($"the cell takes a {p.InputSize}×1 input, not {x.Shape}");
        }
        var h = previous.Hidden;
        var f = Affine(p.Wfh, p.Wfx, p.Bf, h, x).Map(ElementwiseFunctions.Logistic);
        var i = Affine(p.Wih, p.Wix, p.Bi, h, x).Map(ElementwiseFunctions.Logistic);
        var o = Affine(p.Woh, p.Wox, p.Bo, h, x).Map(ElementwiseFunctions.Logistic);
        var candidate = Affine(p.Wch, p.Wcx, p.Bc, h, x).Map(Math.Tanh);
        var c = f.Hadamard(previous.Cell).Add(i.Hadamard(candidate));
        var hidden = o.Hadamard(c.Map(Math.Tanh));
        return new LstmState(roundHidden ? hidden.Map(RoundHidden) : hidden, c);
    }

    /// <summary>Runs the cell over x₀ … x_{T−1} from the initial state (zeros when omitted).</summary>
    public LstmTrace Run(IReadOnlyList<Matrix> inputs, bool roundHidden, LstmState? initial = null)
    {
        var start = initial ?? LstmState.Zeros(Parameters.HiddenSize);
        var states = new LstmState[inputs.Count];
        var state = start;
        for (var t = 0; t < inputs.Count; t++)
        {
            state = Step(state, inputs[t], roundHidden);
            states[t] = state;
        }
        return new LstmTrace(start, states);
    }

    /// <summary>Rounds half away from zero; adding +0.0 turns −0 into 0 so a rounded −0.38 prints and compares as 0.</summary>
    internal static double RoundHidden(double value) => Math.Round(value, MidpointRounding.AwayFromZero) + 0.0;

    private static Matrix Affine(Matrix hiddenWeights, Matrix inputWeights, Matrix offset, Matrix h, Matrix x) =>
        hiddenWeights.MatMul(h).Add(inputWeights.MatMul(x)).Add(offset);
}
