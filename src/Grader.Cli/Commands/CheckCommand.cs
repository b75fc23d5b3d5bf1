using System.CommandLine;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.Regression;

namespace Grader.Cli.Commands;

/// <summary>
/// <c>grader check [DIR]</c>: loads every problem file, computing every reference, and prints them; every error of every
/// file is reported (not only the first), and warnings about references taken at a kink or a tie.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("problems")
        {
            Description = "Folder of problem files",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GRADER_PROBLEMS") ?? "problems",
        };
        var answers = new Option<string?>("--answers")
        {
            Description = "Folder of answers files with the status each part must get (regression tests of the problems)",
        };
        var variants = new Option<int>("--variants")
        {
            Description = "Variants of each randomized problem to build and prove well posed (seeds 1…N)",
            DefaultValueFactory = _ => 1000,
        };
        var command = new Command("check", "Validate every problem file and print each part's computed reference answer") { directory, answers, variants };
        command.SetAction(result => Run(result.GetValue(directory)!, result.GetValue(answers), result.GetValue(variants)));
        return command;
    }

    private static int Run(string directory, string? answers, int variants)
    {
        var checks = ProblemCatalog.Check(directory);
        var illPosed = 0;
        foreach (var check in checks.Where(check => check.Loaded))
        {
            PrintProblem(check.Problem!);
            if (check.Problem!.IsRandomized && !VariantReport.Survey(check.Problem, Math.Max(1, variants)))
            {
                illPosed++;
            }
        }
        foreach (var warning in checks.SelectMany(check => check.Warnings))
        {
            Console.Error.WriteLine($"warning: {warning}");
        }
        var errors = checks.SelectMany(check => check.Errors).ToList();
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"error: {error.Message}");
        }
        if (errors.Count > 0)
        {
            var files = checks.Count(check => !check.Loaded);
            Console.Error.WriteLine($"{errors.Count} error{(errors.Count == 1 ? "" : "s")} in {files} problem file{(files == 1 ? "" : "s")}.");
            return ExitCodes.BadInput;
        }
        if (illPosed > 0)
        {
            Console.Error.WriteLine($"{illPosed} randomized problem{(illPosed == 1 ? " has" : "s have")} variants that are not well posed.");
            return ExitCodes.BadInput;
        }
        if (answers is not null && !RunAnswers(answers, checks))
        {
            return ExitCodes.BadInput;
        }
        var parts = checks.Sum(check => check.Problem!.Parts.Count);
        var warnings = checks.Sum(check => check.Warnings.Count);
        var randomized = checks.Count(check => check.Problem!.IsRandomized);
        Console.WriteLine($"ok: {checks.Count} problem files, {parts} parts, every reference computed"
            + (randomized == 0 ? "" : $", {randomized} randomized ({variants} variants each, all well posed)")
            + (warnings == 0 ? "." : $"; {warnings} warning{(warnings == 1 ? "" : "s")}."));
        return ExitCodes.Success;
    }

    // Every answers file under the folder, graded against the problems just checked; each verdict that differs is an error.
    private static bool RunAnswers(string folder, IReadOnlyList<ProblemCheck> checks)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"error: {folder}: no such folder");
            return false;
        }
        var problems = checks.ToDictionary(check => check.Problem!.Id, check => check.Problem!, StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var failures = files.SelectMany(file => AnswerRegression.Run(file, problems)).ToList();
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"error: {failure}");
        }
        if (failures.Count > 0)
        {
            Console.Error.WriteLine($"{failures.Count} answer verdict{(failures.Count == 1 ? "" : "s")} differ from the expected ones.");
            return false;
        }
        Console.WriteLine($"answers: {files.Count} answers files, every verdict as expected.");
        return true;
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
