using System.Net;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Queries;

namespace Grader.IntegrationTests.Access;

/// <summary><c>grader keys create|list|revoke</c> run as the operator runs them, against the service's real database.</summary>
public sealed class KeysCommandTests(SeededCourseFixture fixture) : IClassFixture<SeededCourseFixture>
{
    private static readonly string OwnSummary = $"/api/v1/courses/{SeededCourse.Course}/assignments/{SeededCourse.Assignment}/summary";
    private static readonly string OtherSummary = $"/api/v1/courses/{SeededCourse.OtherCourse}/assignments/dis4/summary";

    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task Created_instructor_key_is_printed_once_and_reads_its_course_only()
    {
        var (exitCode, output, error) = await Keys("create", "--role", "instructor", "--course", SeededCourse.Course, "--name", "TA Kim");

        Assert.Equal(0, exitCode);
        var token = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        Assert.StartsWith("grk_", token, StringComparison.Ordinal);
        Assert.Contains("shown only this once", error, StringComparison.Ordinal);
        using var client = Stack.CreateClient(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(OwnSummary)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(OtherSummary)).StatusCode);

        var list = await Keys("list");
        Assert.Equal(0, list.ExitCode);
        var line = Assert.Single(list.Output.Split('\n'), l => l.Contains("TA Kim", StringComparison.Ordinal));
        Assert.Contains("instructor", line, StringComparison.Ordinal);
        Assert.Contains(SeededCourse.Course, line, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_key_is_refused_from_the_next_request_on()
    {
        var token = (await Keys("create", "--role", "admin", "--name", "to revoke")).Output.Trim();
        using var client = Stack.CreateClient(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(OwnSummary)).StatusCode);
        var id = (await Keys("list")).Output.Split('\n').Single(l => l.Contains("to revoke", StringComparison.Ordinal)).Split(' ')[0];

        var (exitCode, output, _) = await Keys("revoke", id);

        Assert.Equal(0, exitCode);
        Assert.Contains("revoked", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(OwnSummary)).StatusCode);
        var listed = (await Keys("list")).Output.Split('\n').Single(l => l.StartsWith(id, StringComparison.Ordinal));
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d", listed); // created and revoked times
    }

    [Theory]
    [InlineData("unknown role 'teacher'", "create", "--role", "teacher", "--course", "6.036")]
    [InlineData("needs at least one course", "create", "--role", "instructor")]
    [InlineData("give it no course", "create", "--role", "admin", "--course", "6.036")]
    [InlineData("no key 00000000-0000-0000-0000-000000000001", "revoke", "00000000-0000-0000-0000-000000000001")]
    public async Task Bad_request_exits_2_with_the_reason_and_issues_nothing(string reason, params string[] arguments)
    {
        var before = await Stack.ScalarAsync("select count(*) from api_keys");

        var (exitCode, output, error) = await Keys(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain("grk_", output, StringComparison.Ordinal);
        Assert.Equal(before, await Stack.ScalarAsync("select count(*) from api_keys"));
    }

    [Fact]
    public async Task Without_a_database_it_exits_2_and_says_how_to_name_one()
    {
        var (exitCode, _, error) = await GraderCli.RunAsync(
            new Dictionary<string, string?> { ["ConnectionStrings__Grader"] = "" }, "keys", "list");

        Assert.Equal(2, exitCode);
        Assert.Contains("pass --connection or set ConnectionStrings__Grader", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_exits_3_with_the_reason()
    {
        // Port 9 (discard) has no listener on loopback: the connection is refused at once.
        var (exitCode, _, error) = await GraderCli.RunAsync(new Dictionary<string, string?>(),
            "keys", "list", "--connection", "Host=127.0.0.1;Port=9;Database=none;Username=none;Password=none;Timeout=5");

        Assert.Equal(3, exitCode);
        Assert.Contains("cannot use the database", error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> Keys(params string[] arguments) =>
        GraderCli.RunAsync(new Dictionary<string, string?> { ["ConnectionStrings__Grader"] = Stack.ConnectionString },
            ["keys", .. arguments]);
}
