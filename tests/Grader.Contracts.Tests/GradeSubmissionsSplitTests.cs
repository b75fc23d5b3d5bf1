namespace Grader.Contracts.Tests;

/// <summary>The one split the API's intake and the worker's sweeper both send through.</summary>
public sealed class GradeSubmissionsSplitTests
{
    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(256, new[] { 256 })]
    [InlineData(257, new[] { 256, 1 })]
    [InlineData(600, new[] { 256, 256, 88 })]
    public void Ids_are_split_in_order_into_messages_of_at_most_the_limit(int count, int[] sizes)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();

        var messages = GradeSubmissions.Split(ids).ToList();

        Assert.Equal(sizes, messages.Select(m => m.SubmissionIds.Count));
        Assert.Equal(ids, messages.SelectMany(m => m.SubmissionIds));
    }
}
