using Grader.Engine.Linear;
using Grader.Engine.Recurrent;

namespace Grader.Grading.References.Quantities;

/// <summary>An LSTM run over one input sequence from h₋₁ = c₋₁ = 0: names <c>h</c> and <c>c</c> (one row per step).</summary>
internal sealed class LstmQuantities(LstmParameters parameters, IReadOnlyList<Matrix> inputs, bool roundHidden) : QuantitySource
{
    private readonly LstmTrace _trace = new LstmCell(parameters).Run(inputs, roundHidden);

    public override string DefaultQuantity => "h";

    public override bool IsInteger => roundHidden;

    protected override string KnownNames => "h, c";

    protected override Matrix? Find(string name) => name switch
    {
        "h" => Stack(t => _trace.Hidden(t)),
        "c" => Stack(t => _trace.Cell(t)),
        _ => null,
    };

    // A scalar cell's trace is a sequence; a vector cell's is one row per time step.
    private Matrix Stack(Func<int, Matrix> at)
    {
        var rows = Enumerable.Range(0, _trace.Length).Select(t => (IReadOnlyList<double>)at(t).ToArray()).ToList();
        return Matrix.FromRows(rows);
    }
}
