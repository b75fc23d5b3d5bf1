using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Grader.Cli.Tests;

/// <summary>Randomized problems through the command line: the same student's variant in every process, graded against it.</summary>
public partial class VariantCommandTests
{
    private static readonly string[] Ada = ["--student", "ada", "--course", "cs189", "--assignment", "hw2", "--salt", "s3cret"];
    private static readonly string[] Bob = ["--student", "bob", "--course", "cs189", "--assignment", "hw2", "--salt", "s3cret"];

    [Fact]
    public void Show_prints_a_students_variant_the_same_in_two_processes_and_another_students_differently()
    {
        var (exitCode, first, _) = GraderProcess.Run(["show", "cs189-dis4-randomized", .. Ada]);
        var (_, second, _) = GraderProcess.Run(["show", "cs189-dis4-randomized", .. Ada]);
        var (_, other, _) = GraderProcess.Run(["show", "cs189-dis4-randomized", .. Bob]);
        Assert.Equal(0, exitCode);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        var values = Values(first);
        Assert.Contains($"1d: Forward and backward values at x = {values["x"]}, y = {values["y"]}, z = {values["z"]}:", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_with_a_students_seed_prints_that_students_variant()
    {
        var (_, student, _) = GraderProcess.Run(["show", "mit-6036-s17-hw4-randomized", .. Ada]);
        var seed = VariantLine().Match(student).Groups["seed"].Value;
        var (exitCode, bySeed, _) = GraderProcess.Run("show", "mit-6036-s17-hw4-randomized", "--seed", seed);
        Assert.Equal(0, exitCode);
        Assert.Equal(student, bySeed);
        Assert.Contains("W0 = [-", student, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_sheet_prints_the_students_prompts_and_numbers_without_references()
    {
        var (exitCode, output, _) = GraderProcess.Run(["show", "mit-6036-s17-hw4-randomized", "--sheet", .. Ada]);
        Assert.Equal(0, exitCode);
        using var sheet = JsonDocument.Parse(output);
        var variant = sheet.RootElement.GetProperty("variant");
        Assert.Equal("seed", variant.GetProperty("origin").GetString());
        var c = variant.GetProperty("values").GetProperty("c").GetDouble().ToString("R", CultureInfo.InvariantCulture);
        Assert.Contains($"W0 = [-{c}, -{c}, -{c}, -{c}]", sheet.RootElement.GetProperty("statement").GetString(), StringComparison.Ordinal);
        Assert.Equal(19, sheet.RootElement.GetProperty("parts").GetArrayLength());
        Assert.DoesNotContain("expected", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("reference", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Grade_with_a_student_grades_against_that_students_variant()
    {
        var (_, shown, _) = GraderProcess.Run(["show", "cs189-dis4-randomized", .. Ada]);
        var v = Values(shown).ToDictionary(pair => pair.Key, pair => double.Parse(pair.Value, CultureInfo.InvariantCulture));
        var q = v["x"] + v["y"];
        var answers = Path.GetTempFileName();
        try
        {
            File.WriteAllText(answers, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["1d"] = new Dictionary<string, double> { ["q"] = q, ["f"] = q * v["z"], ["df_dq"] = v["z"], ["df_dz"] = q, ["df_dx"] = v["z"], ["df_dy"] = v["z"] },
            }));
            Assert.Equal("correct", PartStatus(GraderProcess.Run(["grade", "cs189-dis4-randomized", answers, "--json", .. Ada]).Output, "1d"));
            Assert.NotEqual("correct", PartStatus(GraderProcess.Run(["grade", "cs189-dis4-randomized", answers, "--json", .. Bob]).Output, "1d"));
        }
        finally
        {
            File.Delete(answers);
        }
    }

    [Fact]
    public void Check_fails_a_randomized_file_whose_variant_sits_at_a_kink_naming_part_and_seed()
    {
        var folder = Directory.CreateTempSubdirectory("grader-variants-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "kinked.yaml"), """
                id: kinked
                title: A relu at a drawn point
                course: tests
                parameters:
                  a: { integer: [-2, 2], handout: 1 }
                parts:
                  - id: p
                    kind: values
                    prompt: "The slope of relu(a*x) in x at x = 1, a = $a."
                    reference:
                      graph:
                        definitions: { f: "relu(a*x)" }
                        at: { x: 1, a: $a }
                      fields: { slope: df/dx }
                """);
            var (exitCode, _, error) = GraderProcess.Run("check", folder.FullName, "--variants", "50");
            Assert.Equal(2, exitCode);
            Assert.Matches(@"error: kinked, seed \d+: .*part p.*kink.*\[seed \d+: a = 0\]", error);
            Assert.Contains("1 randomized problem has variants that are not well posed", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string PartStatus(string json, string partId)
    {
        using var report = JsonDocument.Parse(json);
        return report.RootElement.GetProperty("parts").EnumerateArray()
            .Single(part => part.GetProperty("id").GetString() == partId).GetProperty("status").GetString()!;
    }

    // "variant: seed 123: x = -2, y = 5, z = -4, …" → the parameter values as printed.
    private static Dictionary<string, string> Values(string shown) => VariantLine().Match(shown).Groups["values"].Value
        .Split(", ").Select(pair => pair.Split(" = ")).ToDictionary(pair => pair[0], pair => pair[1]);

    [GeneratedRegex(@"^variant: seed (?<seed>\d+): (?<values>.*)$", RegexOptions.Multiline)]
    private static partial Regex VariantLine();
}
