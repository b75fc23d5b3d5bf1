using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Lti;

/// <summary><c>grader lti platforms|line-items</c> run as an operator runs them, against the test database.</summary>
public sealed class LtiCommandTests
{
    [Fact]
    public async Task Platform_and_line_item_are_registered_once_and_clear_text_URLs_are_refused()
    {
        await using var stack = await ServiceStack.StartAsync();
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Grader"] = stack.ConnectionString };
        string[] add = ["lti", "platforms", "add", "--source", "canvas", "--issuer", "https://canvas.instructure.com", "--client-id", "1000042",
            "--deployment-id", "7:abc", "--token-url"];

        var insecure = await GraderCli.RunAsync(environment, [.. add, "http://sso.example.edu/login/oauth2/token"]);
        var added = await GraderCli.RunAsync(environment, [.. add, "https://sso.example.edu/login/oauth2/token"]);
        var again = await GraderCli.RunAsync(environment, [.. add, "https://sso.example.edu/login/oauth2/token"]);
        string[] map = ["lti", "line-items", "map", "--source", "canvas", "--course", "cs189", "--assignment", "dis4", "--line-item"];
        var mapped = await GraderCli.RunAsync(environment, [.. map, "https://canvas.example.edu/api/lti/courses/7/line_items/3"]);
        var remapped = await GraderCli.RunAsync(environment, [.. map, "https://canvas.example.edu/api/lti/courses/7/line_items/4"]);
        var listed = await GraderCli.RunAsync(environment, "lti", "line-items", "list");

        Assert.Equal(2, insecure.ExitCode);
        Assert.Contains("https", insecure.Error, StringComparison.Ordinal);
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Equal(2, again.ExitCode);
        Assert.True(mapped.ExitCode == 0, mapped.Error);
        Assert.Equal(2, remapped.ExitCode);
        Assert.Contains("canvas  cs189/dis4  https://canvas.example.edu/api/lti/courses/7/line_items/3", listed.Output, StringComparison.Ordinal);
        Assert.Equal(1, await stack.ScalarAsync("select count(*) from lti_platforms where source = 'canvas' and client_id = '1000042'"));
    }
}
