using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Contracts.Submissions;
using Grader.Data.Entities;

namespace Grader.Cli.Commands;

/// <summary>
/// <c>grader submit PROBLEM_ID ANSWERS.json</c>: signs an answers file as an LMS would and posts it to a running service;
/// with <c>--wait</c> it polls the submission until it is graded and prints the result.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var problemId = new Argument<string>("problem-id") { Description = "A problem id, e.g. cs189-dis4" };
        var answersFile = new Argument<string>("answers") { Description = "A JSON file: an object of answers keyed by part id" };
        var url = Option("--url", "The service's base URL", "GRADER_URL", "http://127.0.0.1:5080");
        var source = Option("--source", "The LMS source name the secret belongs to", "GRADER_WEBHOOK_SOURCE", "local");
        var secret = Option("--secret", "The source's webhook secret", "GRADER_WEBHOOK_SECRET", "local-dev-secret");
        var course = Option("--course", "Course", null, "demo");
        var assignment = Option("--assignment", "Assignment", null, "demo");
        var student = Option("--student", "Student id", null, "student-1");
        var externalId = Option("--external-id", "The LMS's id of this delivery (default: a new one)", null, "");
        var apiKey = Option("--api-key", "API key for reading the result back (--wait)", "GRADER_API_KEY", "");
        var wait = new Option<bool>("--wait") { Description = "Wait for the grade and print it" };
        var command = new Command("submit", "Sign an answers file like an LMS and post it to the Grader service")
        {
            problemId, answersFile, url, source, secret, course, assignment, student, externalId, apiKey, wait,
        };
        command.SetAction(async (result, cancellation) =>
        {
            if (result.GetValue(wait) && string.IsNullOrEmpty(result.GetValue(apiKey)))
            {
                // Checked before posting: reading the result back needs a key, and a post without the wait is still wanted.
                await Console.Error.WriteLineAsync(
                    "error: --wait reads the result back, which needs an API key: pass --api-key or set GRADER_API_KEY (./run.sh prints one)");
                return ExitCodes.BadInput;
            }

            var path = result.GetValue(answersFile)!;
            JsonNode? answers;
            try
            {
                answers = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellation));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
            {
                await Console.Error.WriteLineAsync($"error: cannot read '{path}': {exception.Message}");
                return ExitCodes.BadInput;
            }
            // The service refuses numbers a double cannot hold and text PostgreSQL cannot store; say so before posting,
            // and post the numbers as the service will store them.
            if (answers is not null)
            {
                using var document = JsonDocument.Parse(answers.ToJsonString());
                var stored = StoredAnswers.Normalise(document.RootElement, StoredAnswers.DefaultMaxPrintedChars, out var field, out var why);
                if (stored is null)
                {
                    await Console.Error.WriteLineAsync($"error: '{path}' cannot be submitted ({field}): {why}");
                    return ExitCodes.BadInput;
                }

                answers = JsonNode.Parse(stored);
            }

            var fields = new SubmissionFields(
                result.GetValue(externalId) is { Length: > 0 } id ? id : Guid.NewGuid().ToString("N"),
                result.GetValue(course)!, result.GetValue(assignment)!, result.GetValue(problemId)!, result.GetValue(student)!);
            var delivery = SignedSubmission.Create(fields, answers ?? new JsonObject(), result.GetValue(source)!, result.GetValue(secret)!,
                DateTimeOffset.UtcNow);
            using var http = new HttpClient { BaseAddress = new Uri(result.GetValue(url)!), Timeout = TimeSpan.FromSeconds(30) };
            return await PostAsync(http, delivery, result.GetValue(wait), result.GetValue(apiKey)!, cancellation);
        });
        return command;
    }

    private static async Task<int> PostAsync(HttpClient http, SignedSubmission delivery, bool wait, string apiKey, CancellationToken cancellation)
    {
        try
        {
            using var response = await http.SendAsync(delivery.ToRequest(http.BaseAddress!), cancellation);
            var body = await response.Content.ReadAsStringAsync(cancellation);
            Console.WriteLine($"{(int)response.StatusCode} {response.StatusCode}");
            Console.WriteLine(body);
            if (!response.IsSuccessStatusCode)
            {
                return ExitCodes.BadInput;
            }
            if (wait && response.Headers.Location is { } location)
            {
                return await WaitForGradeAsync(http, location, apiKey, cancellation);
            }
            return ExitCodes.Success;
        }
        catch (HttpRequestException exception)
        {
            await Console.Error.WriteLineAsync($"error: cannot reach {http.BaseAddress}: {exception.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static async Task<int> WaitForGradeAsync(HttpClient http, Uri location, string apiKey, CancellationToken cancellation)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, location);
            if (apiKey.Length > 0)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            }
            using var response = await http.SendAsync(request, cancellation);
            var body = await response.Content.ReadAsStringAsync(cancellation);
            if (!response.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"error: GET {location} answered {(int)response.StatusCode}: {body}");
                return ExitCodes.BadInput;
            }
            var status = JsonNode.Parse(body)?["status"]?.GetValue<string>();
            if (status == SubmissionStatus.Graded.Name() || status == SubmissionStatus.Failed.Name())
            {
                Console.WriteLine(JsonNode.Parse(body)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
        }
        await Console.Error.WriteLineAsync($"error: {location} was not graded within 60 s");
        return ExitCodes.BadInput;
    }

    private static Option<string> Option(string name, string description, string? environment, string fallback) => new(name)
    {
        Description = environment is null ? description : $"{description} (or ${environment})",
        DefaultValueFactory = _ => (environment is null ? null : Environment.GetEnvironmentVariable(environment)) ?? fallback,
    };
}
