using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Grader.Grading.Variants;

namespace Grader.Cli.Commands;

/// <summary>
/// <c>grader show PROBLEM_ID [--student S --course C --assignment A [--salt X] | --seed N]</c>: one problem's parts,
/// prompts and computed references, in the chosen variant's numbers.
/// </summary>
internal static class ShowCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var problemId = new Argument<string>("problem-id") { Description = "A problem id, e.g. mit-6036-s17-hw4" };
        var problems = ProblemsOption.Create();
        var variant = new VariantOptions();
        var sheet = new Option<bool>("--sheet") { Description = "Print only what the student sees, as JSON (statement, prompts, their numbers; no references)" };
        var command = new Command("show", "Print one problem's parts, prompts and computed reference answers") { problemId, problems, sheet };
        variant.AddTo(command);
        command.SetAction(result =>
        {
            var problem = variant.FindProblem(result, problems, problemId, Console.Error);
            if (problem is null)
            {
                return ExitCodes.BadInput;
            }
            if (result.GetValue(sheet))
            {
                Console.WriteLine(ProblemSheet.ToJson(problem).ToJsonString(Indented));
                return ExitCodes.Success;
            }
            CheckCommand.PrintProblem(problem);
            if (problem.IsRandomized)
            {
                Console.WriteLine($"variant: {problem.Variant}");
            }
            if (problem.Statement.Length > 0)
            {
                Console.WriteLine(problem.Statement);
            }
            foreach (var part in problem.Parts)
            {
                Console.WriteLine($"{part.Id}: {part.Prompt}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
