using Grader.Engine.Sampling;

namespace Grader.Engine.Tests.Sampling;

public class SeededRandomTests
{
    [Fact]
    public void NextIndex_gives_the_same_sequence_for_the_same_seed()
    {
        var first = new SeededRandom(42);
        var second = new SeededRandom(42);
        Assert.Equal(Enumerable.Range(0, 50).Select(_ => first.NextIndex(7)), Enumerable.Range(0, 50).Select(_ => second.NextIndex(7)));
    }

    [Fact]
    public void NextIndex_covers_every_index_about_equally()
    {
        var random = new SeededRandom(7);
        var counts = new int[5];
        for (var i = 0; i < 50_000; i++)
        {
            counts[random.NextIndex(5)]++;
        }
        // Each count is binomial(50 000, 0.2): mean 10 000, sd ≈ 89; 5 sd either way.
        Assert.All(counts, count => Assert.InRange(count, 9_550, 10_450));
    }

    [Fact]
    public void NextIndex_refuses_an_empty_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeededRandom(1).NextIndex(0));
    }
}
