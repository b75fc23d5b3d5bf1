using System.CommandLine;
using Grader.Grading.Model;

namespace Grader.Cli.Commands;

/// <summary><c>grader check [DIR]</c>: loads every problem file, computing every reference, and prints them.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("problems")
        {
            Description = "Folder of problem files",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GRADER_PROBLEMS") ?? "problems",
        };
        var command = new Command("check", "Validate every problem file and print each part's computed reference answer") { directory };
        command.SetAction(result =>
        {
            var catalog = ProblemsOption.TryLoad(result.GetValue(directory)!, Console.Error);
            if (catalog is null)
            {
                return ExitCodes.BadInput;
            }
            foreach (var problem in catalog.Problems)
            {
                PrintProblem(problem);
            }
            var parts = catalog.Problems.Sum(problem => problem.Parts.Count);
            Console.WriteLine($"ok: {catalog.Problems.Count} problem files, {parts} parts, every reference computed.");
            return ExitCodes.Success;
        });
        return command;
    }

    public static void PrintProblem(Problem problem)
    {
        Console.WriteLine($"{problem.Id}  ({problem.Course}: {problem.Title})  version {problem.Version}, {problem.MaxScore} points");
        foreach (var part in problem.Parts)
        {
            var kind = part.Kind.ToString().ToLowerInvariant();
            Console.WriteLine($"  {part.Id,-11} {kind,-10} {part.Points,4}  {part.DescribeReference()}");
        }
        Console.WriteLine();
    }
}
