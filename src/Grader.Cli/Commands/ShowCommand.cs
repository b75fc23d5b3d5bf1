using System.CommandLine;

namespace Grader.Cli.Commands;

/// <summary><c>grader show PROBLEM_ID</c>: one problem's parts, prompts and computed references.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var problemId = new Argument<string>("problem-id") { Description = "A problem id, e.g. mit-6036-s17-hw4" };
        var problems = ProblemsOption.Create();
        var command = new Command("show", "Print one problem's parts, prompts and computed reference answers") { problemId, problems };
        command.SetAction(result =>
        {
            var problem = ProblemsOption.TryFind(result.GetValue(problems)!, result.GetValue(problemId)!, Console.Error);
            if (problem is null)
            {
                return ExitCodes.BadInput;
            }
            CheckCommand.PrintProblem(problem);
            foreach (var part in problem.Parts)
            {
                Console.WriteLine($"{part.Id}: {part.Prompt}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
