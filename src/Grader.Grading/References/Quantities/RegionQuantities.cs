using Grader.Engine.Linear;
using Grader.Engine.Networks;
using Grader.Engine.Regions;

namespace Grader.Grading.References.Quantities;

/// <summary>
/// A region of the plane {x in a box : condition on a piecewise-linear network}: name <c>area</c> (exact, by splitting
/// the box into the polygons where every unit is linear; adaptive through smooth layers) and <c>output</c>, the network's output on a level set
/// (which must be the same everywhere on it).
/// </summary>
internal sealed class RegionQuantities(FeedForwardNetwork network, Box box, LinearCondition condition, string description)
    : QuantitySource
{
    /// <summary>The box's pieces for the network's piecewise-linear layers, shared with the file's other region parts; null to split here.</summary>
    public Func<IReadOnlyList<LinearPiece>>? Pieces { get; init; }

    public override string DefaultQuantity => "area";

    protected override string KnownNames => "area, output";

    protected override Matrix? Find(string name) => name switch
    {
        "area" => Matrix.Scalar(Area()),
        "output" => SingleOutput(),
        _ => null,
    };

    // Exact below piecewise-linear layers; through a sigmoid or tanh layer, adaptive with a rigorous bound of 1e-4 of the box.
    private double Area()
    {
        if (network.Layers.Take(condition.Layer).All(layer => layer.Activation.IsPiecewiseLinear))
        {
            return RegionArea.Exact(network, box, condition, Pieces?.Invoke());
        }
        if (condition.Relation == Relation.EqualTo)
        {
            throw new InvalidOperationException("an equality on a smooth layer holds on a curve of area 0: ask for an inequality");
        }
        return RegionArea.Adaptive(network, box, condition).Area;
    }

    private Matrix SingleOutput()
    {
        var outputs = RegionArea.OutputsOnLevelSet(network, box, condition, Pieces?.Invoke());
        return outputs.Count switch
        {
            0 => throw new InvalidOperationException($"no point of {box} satisfies {description}"),
            1 => outputs[0],
            _ => throw new InvalidOperationException(
                $"the output is not the same everywhere {description}: {string.Join(", ", outputs.Take(3))}…"),
        };
    }
}
