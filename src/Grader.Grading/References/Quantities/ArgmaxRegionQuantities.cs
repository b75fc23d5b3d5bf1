using Grader.Engine.Linear;
using Grader.Engine.Networks;
using Grader.Engine.Regions;

namespace Grader.Grading.References.Quantities;

/// <summary>The region of a box where a K-way softmax network's output k is the largest: name <c>area</c>.</summary>
internal sealed class ArgmaxRegionQuantities : QuantitySource
{
    private readonly double _area;

    public ArgmaxRegionQuantities(FeedForwardNetwork network, Box box, int outputIndex) =>
        // Computed at load, so an unsuitable network (no softmax, not 2 inputs) is a check error, not a grading one.
        _area = ArgmaxRegion.Area(network, box, outputIndex).Area;

    public override string DefaultQuantity => "area";

    protected override string KnownNames => "area";

    protected override Matrix? Find(string name) => name == "area" ? Matrix.Scalar(_area) : null;
}
