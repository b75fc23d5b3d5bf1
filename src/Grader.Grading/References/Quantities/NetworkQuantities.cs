using System.Globalization;
using System.Text.RegularExpressions;
using Grader.Engine.Linear;
using Grader.Engine.Losses;
using Grader.Engine.Networks;

namespace Grader.Grading.References.Quantities;

/// <summary>
/// A network's forward and backward pass at one data point. Layers count from 1; a⁰ is the input and g the output.
/// Names: z2, a2, g, output, loss, dL/dg, dL/da2, delta2 (= dL/dz2), dL/dW2, dL/db2, dz2/da1, da2/dz2, dz2/dW2,
/// W2.next and b2.next (after one gradient-descent step).
/// </summary>
internal sealed partial class NetworkQuantities(FeedForwardNetwork network, Matrix input, Matrix? target, Loss loss, double learningRate)
    : QuantitySource
{
    private readonly ForwardTrace _forward = network.Forward(input);
    private BackwardTrace? _backward;
    private FeedForwardNetwork? _stepped;

    public override string DefaultQuantity => "output";

    protected override string KnownNames =>
        "z<l>, a<l>, g, output, loss, dL/dg, dL/da<l>, delta<l>, dL/dz<l>, dL/dW<l>, dL/db<l>, dz<l>/da<l-1>, da<l>/dz<l>, "
        + "dz<l>/dW<l>, W<l>.next, b<l>.next";

    protected override Matrix? Find(string name)
    {
        switch (name)
        {
            case "g" or "output":
                return _forward.Output;
            case "loss":
                return Matrix.Scalar(Backward.LossValue);
            case "dL/dg":
                return Backward.OutputGradient;
        }
        if (OfLayer().Match(name) is { Success: true } ofLayer)
        {
            var l = Number(ofLayer.Groups["l"]);
            var kind = ofLayer.Groups["kind"].Value;
            return !HasLayer(l, allowInput: kind is "a" or "dL/da") ? null : kind switch
            {
                "z" => _forward.Z(l),
                "a" => _forward.A(l),
                "dL/da" => Backward.ActivationGradient(l),
                "delta" or "dL/dz" => Backward.Delta(l),
                "dL/dW" => Backward.WeightGradient(l),
                _ => Backward.OffsetGradient(l),
            };
        }
        if (Factor().Match(name) is { Success: true } factor)
        {
            var (l, m) = (Number(factor.Groups["l"]), Number(factor.Groups["m"]));
            return !HasLayer(l, allowInput: false) ? null : (factor.Groups["of"].Value + "/" + factor.Groups["by"].Value) switch
            {
                "z/a" when m == l - 1 => Backward.PreActivationJacobian(l),
                "a/z" when m == l => Backward.ActivationJacobian(l),
                "z/W" when m == l => Backward.WeightFactor(l),
                _ => null,
            };
        }
        if (Next().Match(name) is { Success: true } next && HasLayer(Number(next.Groups["l"]), allowInput: false))
        {
            var layer = Stepped.Layers[Number(next.Groups["l"]) - 1];
            return next.Groups["what"].Value == "W" ? layer.Weights : layer.Offsets;
        }
        return null;
    }

    private bool HasLayer(int l, bool allowInput) => l <= _forward.LayerCount && l >= (allowInput ? 0 : 1);

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private BackwardTrace Backward => _backward ??= network.Backward(_forward,
        target ?? throw new InvalidOperationException("this quantity needs a 'target' for the loss"), loss);

    private FeedForwardNetwork Stepped => _stepped ??= network.GradientDescentStep(Backward, learningRate);

    [GeneratedRegex(@"^(?<kind>z|a|delta|dL/da|dL/dz|dL/dW|dL/db)(?<l>\d+)$")]
    private static partial Regex OfLayer();

    [GeneratedRegex(@"^d(?<of>z|a)(?<l>\d+)/d(?<by>a|z|W)(?<m>\d+)$")]
    private static partial Regex Factor();

    [GeneratedRegex(@"^(?<what>W|b)(?<l>\d+)\.next$")]
    private static partial Regex Next();
}
