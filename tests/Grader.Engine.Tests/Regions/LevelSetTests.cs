using Grader.Engine.Regions;

namespace Grader.Engine.Tests.Regions;

public class LevelSetTests
{
    public static TheoryData<double, double, double> HiddenSumLevels => new()
    {
        { 0, 1 / (1 + Math.Exp(2)), Math.Exp(2) / (1 + Math.Exp(2)) },
        { 1, 0.5, 0.5 },
        { 3, Math.Exp(3) / (Math.Exp(3) + 1), 1 / (Math.Exp(3) + 1) },
    };

    [Theory]
    [MemberData(nameof(HiddenSumLevels))]
    public void The_network_has_one_output_on_each_level_set_of_the_hidden_sum(double level, double o1, double o2)
    {
        var condition = LinearCondition.Sum(layer: 1, width: 4, Relation.EqualTo, level);

        var outputs = RegionArea.OutputsOnLevelSet(Mit6036Network.Create(), Box.Square(10), condition);

        var output = Assert.Single(outputs);
        Assert.Equal(o1, output[0], 12);
        Assert.Equal(o2, output[1], 12);
    }

    [Fact]
    public void A_level_set_on_which_the_output_varies_gives_several_outputs()
    {
        var condition = LinearCondition.EqualTo(layer: 0, [1, 0], 0);

        var outputs = RegionArea.OutputsOnLevelSet(Mit6036Network.Create(), Box.Square(10), condition);

        Assert.True(outputs.Count > 1);
    }

    [Fact]
    public void A_level_set_outside_the_box_has_no_outputs()
    {
        var condition = LinearCondition.Sum(layer: 1, width: 4, Relation.EqualTo, 100);

        Assert.Empty(RegionArea.OutputsOnLevelSet(Mit6036Network.Create(), Box.Square(10), condition));
    }

    [Fact]
    public void Level_sets_need_an_equality()
    {
        var condition = LinearCondition.Sum(layer: 1, width: 4, Relation.AtMost, 0);

        Assert.Throws<ArgumentException>(() => RegionArea.OutputsOnLevelSet(Mit6036Network.Create(), Box.Square(10), condition));
    }
}
