using Grader.Engine.Linear;
using Grader.Engine.Networks;

namespace Grader.Grading.References.Quantities;

/// <summary>The number of weights (and offsets) of a dense network with the given layer sizes: name <c>count</c>.</summary>
internal sealed class ParameterCountQuantities(IReadOnlyList<int> layerSizes, bool withOffsets) : QuantitySource
{
    public override string DefaultQuantity => "count";

    public override bool IsInteger => true;

    protected override string KnownNames => "count";

    protected override Matrix? Find(string name) =>
        name == "count" ? Matrix.Scalar(FeedForwardNetwork.ParameterCount(layerSizes, withOffsets)) : null;
}
