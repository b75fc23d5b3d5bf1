using System.CommandLine;
using System.Text.Json;
using Grader.Grading.Judging;

namespace Grader.Cli.Commands;

/// <summary>
/// <c>grader grade PROBLEM_ID ANSWERS.json [--json] [--student S --course C --assignment A [--salt X] | --seed N]</c>:
/// grades an answers file offline, against the chosen variant of a randomized problem.
/// </summary>
internal static class GradeCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var problemId = new Argument<string>("problem-id") { Description = "A problem id, e.g. mit-6036-s17-hw4" };
        var answersFile = new Argument<string>("answers") { Description = "A JSON file: an object of answers keyed by part id" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var problems = ProblemsOption.Create();
        var variant = new VariantOptions();
        var command = new Command("grade", "Grade an answers file against a problem") { problemId, answersFile, json, problems };
        variant.AddTo(command);
        command.SetAction(result =>
        {
            var problem = variant.FindProblem(result, problems, problemId, Console.Error);
            if (problem is null)
            {
                return ExitCodes.BadInput;
            }
            var path = result.GetValue(answersFile)!;
            if (!TryReadAnswers(path, out var answers))
            {
                return ExitCodes.BadInput;
            }
            var report = problem.Grade(answers.RootElement);
            if (problem.IsRandomized && !result.GetValue(json))
            {
                Console.WriteLine($"variant: {problem.Variant}");
            }
            Console.WriteLine(result.GetValue(json) ? GradeReportJson.ToJson(report).ToJsonString(Indented) : ReportTable.Render(report));
            answers.Dispose();
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryReadAnswers(string path, out JsonDocument answers)
    {
        answers = null!;
        try
        {
            answers = JsonDocument.Parse(File.ReadAllText(path));
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot read '{path}': {exception.Message}");
        }
        catch (JsonException exception)
        {
            Console.Error.WriteLine($"error: '{path}' is not valid JSON: {exception.Message}");
        }
        return false;
    }
}
