using System.Diagnostics;
using System.Globalization;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

/// <summary>
/// The broker's own limit with Grader's durability: a durable queue, persistent messages, each publish awaited until the
/// broker confirms it, each delivery acknowledged manually after it arrives; publishing and consuming run at once.
/// </summary>
internal static class RabbitProbe
{
    public static async Task<int> RunAsync(string uri, int count, int concurrency)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var publishing = await factory.CreateConnectionAsync();
        await using var consuming = await factory.CreateConnectionAsync();
        var queue = string.Create(CultureInfo.InvariantCulture, $"grader-bench-raw-{Environment.ProcessId}");
        await using var consumer = await consuming.CreateChannelAsync();
        await consumer.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await consumer.BasicQosAsync(0, 16, false);

        var received = 0;
        var done = new TaskCompletionSource();
        var handler = new AsyncEventingBasicConsumer(consumer);
        handler.ReceivedAsync += async (_, delivery) =>
        {
            await consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (Interlocked.Increment(ref received) == count)
            {
                done.TrySetResult();
            }
        };
        await consumer.BasicConsumeAsync(queue, autoAck: false, handler);

        var body = new byte[600]; // about a MassTransit envelope of GradeSubmission
        var properties = new BasicProperties { Persistent = true };
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await using var channel = await publishing.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
            while (Interlocked.Increment(ref next) < count)
            {
                await channel.BasicPublishAsync("", queue, mandatory: false, properties, body); // returns once confirmed
            }
        }));
        var published = clock.Elapsed.TotalSeconds;
        await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromMinutes(2)));
        var all = clock.Elapsed.TotalSeconds;
        await consumer.QueueDeleteAsync(queue);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rabbit raw: {count} messages, {concurrency} confirming publishers: published {count / published:F0} msg/s, consumed {received} by {all:F2} s = {received / all:F0} msg/s"));
        return received == count ? 0 : 1;
    }
}
