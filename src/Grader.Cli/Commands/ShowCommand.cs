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
            var catalog = ProblemsOption.TryLoad(result.GetValue(problems)!, Console.Error);
            if (catalog is null)
            {
                return ExitCodes.BadInput;
            }
            var id = result.GetValue(problemId)!;
            if (!catalog.TryGet(id, out var problem))
            {
                Console.Error.WriteLine($"error: unknown problem '{id}' (known: {string.Join(", ", catalog.Problems.Select(p => p.Id))})");
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
