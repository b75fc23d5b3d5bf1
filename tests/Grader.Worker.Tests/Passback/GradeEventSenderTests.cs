using System.Net;
using Grader.Contracts.Webhooks;
using Grader.Data.Entities;
using Grader.Data.Passback;
using Grader.Worker.Passback;

namespace Grader.Worker.Tests.Passback;

/// <summary>One send against an in-memory receiver: the signature and headers, how Retry-After is read, a hang cut at the timeout.</summary>
public sealed class GradeEventSenderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 22, 0, 0, TimeSpan.Zero);
    private static readonly CallbackSource Target = new() { CallbackUrl = "http://lms.invalid/grades", Secret = "s3cret" };
    private static readonly ClaimedGradeEvent Event = new(1, Guid.NewGuid(), GradeEventTypes.Graded, Now, 1, 1,
        new SubmissionIdentity(Guid.NewGuid(), "canvas", "lms-1", "cs189", "dis4", "s1", "cs189-dis4"), 3, 14, "[]");

    [Fact]
    public async Task Request_is_signed_with_the_source_secret_over_the_body_and_names_the_event()
    {
        HttpRequestMessage? seen = null;
        byte[]? body = null;
        var sender = Sender(async (request, cancellationToken) =>
        {
            seen = request;
            body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });

        var outcome = await sender.SendAsync(Event, Target, CancellationToken.None);

        Assert.True(outcome.Delivered);
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify("s3cret", seen!.Headers.GetValues(WebhookHeaders.Signature).Single(), body!,
            Now, WebhookSignature.DefaultTolerance));
        Assert.Equal(Event.Id.ToString(), seen.Headers.GetValues(WebhookHeaders.EventId).Single());
        Assert.Equal(GradeEventTypes.Graded, seen.Headers.GetValues(WebhookHeaders.EventType).Single());
        Assert.Equal("application/json", seen.Content!.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData(90, 90)]
    [InlineData(-30, 0)]
    public async Task Retry_After_as_a_date_waits_until_that_date_by_the_clock(int secondsFromNow, int expectedSeconds)
    {
        var sender = Sender((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter = new(Now.AddSeconds(secondsFromNow));
            return Task.FromResult(response);
        });

        var outcome = await sender.SendAsync(Event, Target, CancellationToken.None);

        Assert.Equal((false, TimeSpan.FromSeconds(expectedSeconds)), (outcome.Delivered, outcome.RetryAfter));
        Assert.StartsWith("HTTP 503", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receiver_that_never_answers_is_a_failed_send_after_the_timeout()
    {
        // Like a socket that never answers: only the client's cancellation (its timeout) ends the wait.
        var sender = Sender(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }, TimeSpan.FromMilliseconds(300));
        var started = DateTimeOffset.UtcNow;

        var outcome = await sender.SendAsync(Event, Target, CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.Equal("no answer within 0.3 s", outcome.Error);
        Assert.InRange((DateTimeOffset.UtcNow - started).TotalSeconds, 0.25, 10);
    }

    private static GradeEventSender Sender(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer,
        TimeSpan? timeout = null) =>
        new(new HttpClient(new Receiver(answer)) { Timeout = timeout ?? TimeSpan.FromSeconds(10) }, new FixedClock());

    private sealed class Receiver(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            answer(request, cancellationToken);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
