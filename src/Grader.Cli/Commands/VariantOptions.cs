using System.CommandLine;
using System.Globalization;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Cli.Commands;

/// <summary>
/// <c>--student S --course C --assignment A [--salt X]</c> or <c>--seed N</c>: which variant of a randomized problem to
/// show or grade against (a fixed problem has only the handout's).
/// </summary>
internal sealed class VariantOptions
{
    public Option<string?> Student { get; } = new("--student") { Description = "Student id: use this student's variant" };

    public Option<string?> Course { get; } = new("--course") { Description = "Course id of the student's variant" };

    public Option<string?> Assignment { get; } = new("--assignment") { Description = "Assignment id of the student's variant" };

    public Option<string> Salt { get; } = new("--salt")
    {
        Description = "The course's variant salt (default: $GRADER_COURSE_SALT, else empty)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GRADER_COURSE_SALT") ?? "",
    };

    public Option<string?> Seed { get; } = new("--seed") { Description = "A variant seed (as check reports a failing one)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Student);
        command.Options.Add(Course);
        command.Options.Add(Assignment);
        command.Options.Add(Salt);
        command.Options.Add(Seed);
    }

    /// <summary>
    /// The problem a command names (<paramref name="problemId"/> in <paramref name="problems"/>), as the chosen variant;
    /// null after printing why there is none.
    /// </summary>
    public Problem? FindProblem(ParseResult result, Option<string> problems, Argument<string> problemId, TextWriter error) =>
        ProblemsOption.TryFind(result.GetValue(problems)!, result.GetValue(problemId)!, error) is { } problem
            ? Resolve(result, problem, error)
            : null;

    /// <summary>The chosen variant of <paramref name="problem"/>, or null after printing why it cannot be built.</summary>
    public Problem? Resolve(ParseResult result, Problem problem, TextWriter error)
    {
        var (student, course, assignment, seedText) = (result.GetValue(Student), result.GetValue(Course), result.GetValue(Assignment), result.GetValue(Seed));
        var byStudent = student is not null || course is not null || assignment is not null;
        if (!byStudent && seedText is null)
        {
            return problem;
        }
        if (byStudent && (student is null || course is null || assignment is null))
        {
            error.WriteLine("error: a student's variant needs --student, --course and --assignment");
            return null;
        }
        if (byStudent && seedText is not null)
        {
            error.WriteLine("error: give a student (--student, --course, --assignment) or a --seed, not both");
            return null;
        }
        if (problem.Variants is not { } variants)
        {
            error.WriteLine($"note: {problem.Id} declares no parameters; every student gets the handout's numbers");
            return problem;
        }
        try
        {
            if (seedText is not null)
            {
                return ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
                    ? variants.ForSeed(seed)
                    : Fail(error, $"--seed must be a whole number from 0 to {ulong.MaxValue}, not '{seedText}'");
            }
            return variants.ForStudent(result.GetValue(Salt)!, new VariantKey(course!, assignment!, student!));
        }
        catch (VariantException exception)
        {
            return Fail(error, exception.Message);
        }
    }

    private static Problem? Fail(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return null;
    }
}
