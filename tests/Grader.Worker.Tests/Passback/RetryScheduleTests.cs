using Grader.Worker.Passback;

namespace Grader.Worker.Tests.Passback;

public sealed class RetryScheduleTests
{
    private static readonly DeliveryOptions Options = new() { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(5) };

    [Theory]
    [InlineData(1, 5, 10)]
    [InlineData(2, 10, 20)]
    [InlineData(4, 40, 80)]
    [InlineData(20, 150, 300)]
    public void Delay_doubles_per_attempt_within_the_upper_half_of_its_step_and_stops_at_the_maximum(int attempts, double least, double most)
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            Assert.InRange(RetrySchedule.Delay(attempts, null, Options, random).TotalSeconds, least, most);
        }
    }

    [Fact]
    public void Retry_After_longer_than_the_backoff_wins_and_a_shorter_one_does_not_shorten_it()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), RetrySchedule.Delay(1, TimeSpan.FromSeconds(120), Options, new Random(1)));
        Assert.True(RetrySchedule.Delay(3, TimeSpan.FromSeconds(1), Options, new Random(1)) >= TimeSpan.FromSeconds(20));
    }
}
