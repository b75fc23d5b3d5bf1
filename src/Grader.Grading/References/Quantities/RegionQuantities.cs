using Grader.Engine.Linear;
using Grader.Engine.Networks;
using Grader.Engine.Regions;

namespace Grader.Grading.References.Quantities;

/// <summary>
/// A region of the plane {x in a box : condition on a piecewise-linear network}: name <c>area</c> (exact, by splitting
/// the box into the polygons where every unit is linear) and <c>output</c>, the network's output on a level set
/// (which must be the same everywhere on it).
/// </summary>
internal sealed class RegionQuantities(FeedForwardNetwork network, Box box, LinearCondition condition, string description)
    : QuantitySource
{
    public override string DefaultQuantity => "area";

    protected override string KnownNames => "area, output";

    protected override Matrix? Find(string name) => name switch
    {
        "area" => Matrix.Scalar(RegionArea.Exact(network, box, condition)),
        "output" => SingleOutput(),
        _ => null,
    };

    private Matrix SingleOutput()
    {
        var outputs = RegionArea.OutputsOnLevelSet(network, box, condition);
        return outputs.Count switch
        {
            0 => throw new InvalidOperationException($"no point of {box} satisfies {description}"),
            1 => outputs[0],
            _ => throw new InvalidOperationException(
                $"the output is not the same everywhere {description}: {string.Join(", ", outputs.Take(3))}…"),
        };
    }
}
