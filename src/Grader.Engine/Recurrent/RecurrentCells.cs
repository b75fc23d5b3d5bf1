using Grader.Engine.Autodiff;

namespace Grader.Engine.Recurrent;

/// <summary>The vanilla (Elman) RNN: hₜ = tanh(Wx·xₜ + Wh·hₜ₋₁ + b).</summary>
public sealed class ElmanCell : RecurrentCell
{
    public override IReadOnlyList<string> ParameterNames => ["Wx", "Wh", "b"];

    public override IReadOnlyList<string> IntermediateNames => ["a"];

    public override IReadOnlyDictionary<string, Tensor> Step(IReadOnlyDictionary<string, Tensor> p, IReadOnlyDictionary<string, Tensor> state, Tensor x)
    {
        var a = Affine(p["Wx"], x, p["Wh"], state["h"], p["b"]);
        return new Dictionary<string, Tensor>(StringComparer.Ordinal) { ["a"] = a, ["h"] = Tanh(a) };
    }
}

/// <summary>
/// The GRU of Cho et al. as Dive into Deep Learning writes it: zₜ = σ(Wz·xₜ + Uz·hₜ₋₁ + bz) (update), rₜ = σ(Wr·xₜ + Ur·hₜ₋₁ + br)
/// (reset), nₜ = tanh(Wn·xₜ + Un·(rₜ⊙hₜ₋₁) + bn) (candidate), hₜ = zₜ⊙hₜ₋₁ + (1 − zₜ)⊙nₜ. (PyTorch applies the reset after Un·hₜ₋₁.)
/// </summary>
public sealed class GruCell : RecurrentCell
{
    public override IReadOnlyList<string> ParameterNames => ["Wz", "Uz", "bz", "Wr", "Ur", "br", "Wn", "Un", "bn"];

    public override IReadOnlyList<string> IntermediateNames => ["z", "r", "n"];

    public override IReadOnlyDictionary<string, Tensor> Step(IReadOnlyDictionary<string, Tensor> p, IReadOnlyDictionary<string, Tensor> state, Tensor x)
    {
        var h = state["h"];
        var z = Sigmoid(Affine(p["Wz"], x, p["Uz"], h, p["bz"]));
        var r = Sigmoid(Affine(p["Wr"], x, p["Ur"], h, p["br"]));
        var n = Tanh(Affine(p["Wn"], x, p["Un"], TensorOps.Multiply(r, h), p["bn"]));
        var next = TensorOps.Add(TensorOps.Multiply(z, h), TensorOps.Multiply(TensorOps.Subtract(Tensor.Constant(1), z), n));
        return new Dictionary<string, Tensor>(StringComparer.Ordinal) { ["z"] = z, ["r"] = r, ["n"] = n, ["h"] = next };
    }
}

/// <summary>
/// The LSTM of MIT 6.036 (the parameters <see cref="LstmCell"/> reads: Wfh, Wfx, bf, …) with its gates exposed and its
/// gradients by autodiff: fₜ, iₜ, oₜ = σ(W·h + W·x + b), gₜ = tanh(Wch·h + Wcx·x + bc), cₜ = fₜ⊙cₜ₋₁ + iₜ⊙gₜ, hₜ = oₜ⊙tanh(cₜ).
/// </summary>
public sealed class LstmTensorCell : RecurrentCell
{
    public override IReadOnlyList<string> ParameterNames => ["Wfh", "Wfx", "bf", "Wih", "Wix", "bi", "Woh", "Wox", "bo", "Wch", "Wcx", "bc"];

    public override IReadOnlyList<string> IntermediateNames => ["f", "i", "o", "g", "c"];

    public override IReadOnlyList<string> StateNames => ["h", "c"];

    public override IReadOnlyDictionary<string, Tensor> Step(IReadOnlyDictionary<string, Tensor> p, IReadOnlyDictionary<string, Tensor> state, Tensor x)
    {
        var h = state["h"];
        var f = Sigmoid(Affine(p["Wfx"], x, p["Wfh"], h, p["bf"]));
        var i = Sigmoid(Affine(p["Wix"], x, p["Wih"], h, p["bi"]));
        var o = Sigmoid(Affine(p["Wox"], x, p["Woh"], h, p["bo"]));
        var g = Tanh(Affine(p["Wcx"], x, p["Wch"], h, p["bc"]));
        var c = TensorOps.Add(TensorOps.Multiply(f, state["c"]), TensorOps.Multiply(i, g));
        return new Dictionary<string, Tensor>(StringComparer.Ordinal)
        {
            ["f"] = f, ["i"] = i, ["o"] = o, ["g"] = g, ["c"] = c, ["h"] = TensorOps.Multiply(o, Tanh(c)),
        };
    }
}
