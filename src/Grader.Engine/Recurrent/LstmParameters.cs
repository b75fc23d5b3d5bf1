using Grader.Engine.Linear;

namespace Grader.Engine.Recurrent;

/// <summary>
/// The twelve parameters of an LSTM cell with hidden size n and input size m, named as in MIT 6.036:
/// W^{g,h} is n×n, W^{g,x} is n×m and b_g is n×1 for each of the forget (f), input (i), output (o) gates and the cell (c).
/// </summary>
public sealed class LstmParameters
{
    public LstmParameters(
        Matrix wfh, Matrix wfx, Matrix bf,
        Matrix wih, Matrix wix, Matrix bi,
        Matrix woh, Matrix wox, Matrix bo,
        Matrix wch, Matrix wcx, Matrix bc)
    {
        HiddenSize = wfh.Rows;
        InputSize = wfx.Columns;
        (Wfh, Wfx, Bf) = CheckGate("forget", wfh, wfx, bf);
        (Wih, Wix, Bi) = CheckGate("input", wih, wix, bi);
        (Woh, Wox, Bo) = CheckGate("output", woh, wox, bo);
        (Wch, Wcx, Bc) = CheckGate("cell", wch, wcx, bc);
    }

    /// <summary>n, the size of hₜ and cₜ.</summary>
    public int HiddenSize { get; }

    /// <summary>m, the size of xₜ.</summary>
    public int InputSize { get; }

    public Matrix Wfh { get; }
    public Matrix Wfx { get; }
    public Matrix Bf { get; }
    public Matrix Wih { get; }
    public Matrix Wix { get; }
    public Matrix Bi { get; }
    public Matrix Woh { get; }
    public Matrix Wox { get; }
    public Matrix Bo { get; }
    public Matrix Wch { get; }
    public Matrix Wcx { get; }
    public Matrix Bc { get; }

    /// <summary>The 1×1 cell of MIT 6.036 assignment 4 problem 2, where xₜ, hₜ and cₜ are scalars.</summary>
    public static LstmParameters Scalar(
        double wfh, double wfx, double bf,
        double wih, double wix, double bi,
        double woh, double wox, double bo,
        double wch, double wcx, double bc) =>
        new(Matrix.Scalar(wfh), Matrix.Scalar(wfx), Matrix.Scalar(bf),
            Matrix.Scalar(wih), Matrix.Scalar(wix), Matrix.Scalar(bi),
            Matrix.Scalar(woh), Matrix.Scalar(wox), Matrix.Scalar(bo),
            Matrix.Scalar(wch), Matrix.Scalar(wcx), Matrix.Scalar(bc));

    private (Matrix Hidden, Matrix Input, Matrix Offset) CheckGate(string gate, Matrix hidden, Matrix input, Matrix offset)
    {
        Require(gate, "h", hidden, new Shape(HiddenSize, HiddenSize));
        Require(gate, "x", input, new Shape(HiddenSize, InputSize));
        Require(gate, "b", offset, new Shape(HiddenSize, 1));
        return (hidden, input, offset);
    }

    private static void Require(string gate, string role, Matrix value, Shape expected)
    {
        if (value.Shape != expected)
        {
            throw new ShapeMismatchException($"the {gate} gate's {role} parameter is {value.Shape}, expected {expected}");
        }
    }
}
