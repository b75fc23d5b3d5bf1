using Grader.ServiceDefaults;
using Microsoft.AspNetCore.Http;

namespace Grader.Worker.Tests.Telemetry;

public sealed class RequestLoggingTests
{
    private static readonly Guid Id = Guid.Parse("0193c2a1-7f00-7000-8000-000000000001");

    [Fact]
    public void Request_log_takes_the_submission_id_from_the_route()
    {
        var http = Request($"/api/v1/submissions/{Id}/results");
        http.Request.RouteValues["id"] = Id.ToString();

        Assert.Equal(Id, RequestLogging.SubmissionIdOf(http));
    }

    [Fact]
    public void Request_log_takes_the_submission_id_of_an_accepted_webhook_from_its_location()
    {
        var http = Request("/api/v1/submissions");
        http.Response.Headers.Location = $"/api/v1/submissions/{Id}";

        Assert.Equal(Id, RequestLogging.SubmissionIdOf(http));
    }

    [Fact]
    public void Request_log_has_no_submission_id_elsewhere_or_for_a_malformed_one()
    {
        var other = Request("/api/v1/regrades/abc");
        other.Request.RouteValues["id"] = Id.ToString();
        var malformed = Request("/api/v1/submissions/not-a-guid");
        malformed.Request.RouteValues["id"] = "not-a-guid";

        Assert.Null(RequestLogging.SubmissionIdOf(other));
        Assert.Null(RequestLogging.SubmissionIdOf(malformed));
    }

    private static DefaultHttpContext Request(string path) => new() { Request = { Path = path } };
}
