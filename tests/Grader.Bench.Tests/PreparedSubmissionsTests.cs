using System.Globalization;
using System.Net;
using System.Text;
using Grader.Contracts.Webhooks;

namespace Grader.Bench.Tests;

/// <summary>
/// Bodies built and signed before a timed run (<see cref="Submissions.Prepare"/>): the same deliveries as those built
/// when posted, and still accepted by the API's signature check however long the run takes.
/// </summary>
public sealed class PreparedSubmissionsTests
{
    private const string Secret = "bench-test-secret";
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Prepared_bodies_are_the_bodies_built_when_posted()
    {
        var built = await PostAsync(prepare: false, minutesLater: 0);
        var prepared = await PostAsync(prepare: true, minutesLater: 0);

        Assert.Equal(built.Select(p => p.Body), prepared.Select(p => p.Body));
        Assert.All(prepared, p => Assert.Equal(SignatureCheck.Valid, Verify(p, Start)));
    }

    [Fact]
    public async Task A_body_prepared_longer_ago_than_the_resign_age_is_signed_again_when_posted()
    {
        // The API accepts signatures up to 5 minutes old: a run posting its last prepared body 6 minutes in must not be
        // refused for a stale signature.
        var posted = await PostAsync(prepare: true, minutesLater: 6);

        Assert.All(posted, p => Assert.Equal(SignatureCheck.Valid, Verify(p, Start.AddMinutes(6))));
    }

    private static SignatureCheck Verify((string Body, string Signature) posted, DateTimeOffset now) =>
        WebhookSignature.Verify(Secret, posted.Signature, Encoding.UTF8.GetBytes(posted.Body), now, WebhookSignature.DefaultTolerance);

    private static async Task<List<(string Body, string Signature)>> PostAsync(bool prepare, int minutesLater)
    {
        var options = BenchOptions.Parse(["--secret", Secret, "--examples", Path.Combine(PostedSubmissions.Root(), "examples")]);
        var clock = new StepClock(Start);
        var submissions = new Submissions(options, run: "bench-test-run", clock: clock);
        const int Count = 8;
        if (prepare)
        {
            submissions.Prepare(Count);
        }

        clock.Now = Start.AddMinutes(minutesLater);
        var capture = new Capture();
        using var http = new HttpClient(capture) { BaseAddress = new Uri("http://bench.test") };
        for (var i = 0; i < Count; i++)
        {
            Assert.True(await submissions.PostAsync(http, i), i.ToString(CultureInfo.InvariantCulture));
        }
        return capture.Posted;
    }

    private sealed class StepClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Capture : HttpMessageHandler
    {
        public List<(string Body, string Signature)> Posted { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Posted.Add((body, request.Headers.GetValues(WebhookHeaders.Signature).Single()));
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }
    }
}
