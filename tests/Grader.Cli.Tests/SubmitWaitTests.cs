using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Grader.Cli.Tests;

/// <summary><c>grader submit --wait</c> polls the submission's Location until its status is final, then prints it.</summary>
public sealed class SubmitWaitTests
{
    [Theory]
    [InlineData("graded")]
    [InlineData("failed")]
    public async Task Submit_with_wait_polls_past_queued_and_grading_until_a_final_status_and_prints_it(string final)
    {
        var port = FreePort();
        using var service = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        service.Start();
        var statuses = new Queue<string>(["queued", "grading", final]);
        var reads = 0;
        var serving = Task.Run(async () =>
        {
            while (statuses.Count > 0)
            {
                var context = await service.GetContextAsync();
                if (context.Request.HttpMethod == "POST")
                {
                    context.Response.StatusCode = 202;
                    context.Response.AddHeader("Location", $"http://127.0.0.1:{port}/api/v1/submissions/s1");
                    await WriteAsync(context.Response, """{"id":"s1","status":"queued"}""");
                    continue;
                }

                reads++;
                await WriteAsync(context.Response, $$"""{"id":"s1","status":"{{statuses.Dequeue()}}","score":1}""");
            }
        });

        var (exitCode, output, error) = await Task.Run(() => GraderProcess.Run("submit", "cs189-dis4", "examples/cs189-dis4.json",
            "--wait", "--api-key", "key", "--url", $"http://127.0.0.1:{port}"));
        await serving.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(exitCode == 0, error);
        Assert.Equal(3, reads);
        Assert.Contains($"\"status\": \"{final}\"", output, StringComparison.Ordinal);
    }

    private static async Task WriteAsync(HttpListenerResponse response, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.ContentType = "application/json";
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
