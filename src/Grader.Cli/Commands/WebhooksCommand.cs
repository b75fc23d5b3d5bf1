using System.CommandLine;
using System.Globalization;

namespace Grader.Cli.Commands;

/// <summary>
/// <c>grader webhooks listen --port P --secret S</c>: a grade receiver for an LMS developer. It verifies each event's
/// signature like a real receiver must, and prints the verified ones (noting repeats and stale revisions).
/// </summary>
internal static class WebhooksCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The port to listen on (127.0.0.1)", Required = true };
        var secret = new Option<string>("--secret")
        {
            Description = "The source's webhook secret (or $GRADER_WEBHOOK_SECRET)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GRADER_WEBHOOK_SECRET") ?? "",
        };
        var count = new Option<int>("--count") { Description = "Exit after this many verified events (default: run until Ctrl-C)" };
        var listen = new Command("listen", "Receive grade events, verify their signatures and print them") { port, secret, count };
        listen.SetAction(async (result, cancellation) =>
        {
            if (string.IsNullOrEmpty(result.GetValue(secret)))
            {
                await Console.Error.WriteLineAsync("error: pass --secret or set GRADER_WEBHOOK_SECRET (the source's Webhooks:Sources:<source>:Secret)");
                return ExitCodes.BadInput;
            }

            var listener = new GradeEventListener(result.GetValue(secret)!, Console.Out, Console.Error);
            try
            {
                await listener.RunAsync(result.GetValue(port), result.GetValue(count), cancellation);
            }
            catch (System.Net.HttpListenerException exception)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"error: cannot listen on port {result.GetValue(port)}: {exception.Message}"));
                return ExitCodes.BadInput;
            }

            return ExitCodes.Success;
        });
        return new Command("webhooks", "Tools for the grade events Grader sends to an LMS") { listen };
    }
}
