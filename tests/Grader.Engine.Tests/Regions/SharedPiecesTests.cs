using Grader.Engine.Regions;

namespace Grader.Engine.Tests.Regions;

/// <summary>
/// Region questions on pieces split once give exactly what each question splitting the box itself gives, so a problem's
/// region parts can share one split of a network's piecewise-linear layers.
/// </summary>
public class SharedPiecesTests
{
    [Theory]
    [InlineData(Relation.EqualTo, 0)]
    [InlineData(Relation.EqualTo, 1)]
    [InlineData(Relation.AtMost, 2)]
    [InlineData(Relation.AtLeast, 3)]
    public void Areas_and_level_set_outputs_on_shared_pieces_equal_those_of_a_fresh_split(Relation relation, double level)
    {
        var network = Mit6036Network.Create();
        var box = Box.Square(10);
        var pieces = PiecewiseLinearRegions.Decompose(network, box);
        var condition = new LinearCondition(1, [1.0, 1, 1, 1], relation, level);

        Assert.Equal(RegionArea.Exact(network, box, condition), RegionArea.Exact(network, box, condition, pieces));
        if (relation == Relation.EqualTo)
        {
            Assert.Equal(
                RegionArea.OutputsOnLevelSet(network, box, condition).SelectMany(output => output.ToArray()),
                RegionArea.OutputsOnLevelSet(network, box, condition, pieces).SelectMany(output => output.ToArray()));
        }
    }

    [Fact]
    public void A_condition_above_the_pieces_layers_is_refused_as_without_them()
    {
        var network = Mit6036Network.Create();
        var pieces = PiecewiseLinearRegions.Decompose(network, Box.Square(10));
        var condition = LinearCondition.AtLeast(network.Layers.Count, [1.0, -1], 0);

        var own = Assert.Throws<ArgumentException>(() => RegionArea.Exact(network, Box.Square(10), condition));
        var shared = Assert.Throws<ArgumentException>(() => RegionArea.Exact(network, Box.Square(10), condition, pieces));
        Assert.Equal(own.Message, shared.Message);
    }
}
