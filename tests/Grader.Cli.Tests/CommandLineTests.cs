using System.Text.Json;

namespace Grader.Cli.Tests;

/// <summary>The offline grader as a user runs it: exit codes, the printed references and the JSON report.</summary>
public class CommandLineTests
{
    [Fact]
    public void Check_validates_every_problem_file_and_prints_the_computed_references()
    {
        var (exitCode, output, _) = GraderProcess.Run("check", "problems/");
        Assert.Equal(0, exitCode);
        Assert.Contains("ok: 6 problem files", output, StringComparison.Ordinal);
        Assert.Contains("2 randomized (1000 variants each, all well posed)", output, StringComparison.Ordinal);
        Assert.Contains("area_beta1 = 154.66056137", output, StringComparison.Ordinal);
        Assert.Contains("seq1 = [0,0,1,-1,1,0]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_of_the_example_problems_prints_the_block_references()
    {
        var (exitCode, output, error) = GraderProcess.Run("check", "problems/examples");
        Assert.Equal(0, exitCode);
        Assert.Contains("ok: 4 problem files", output, StringComparison.Ordinal);
        Assert.Contains("[3,3,-2.75]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_answers_runs_the_authors_answers_files_as_regression_tests()
    {
        var (exitCode, output, _) = GraderProcess.Run("check", "problems/examples", "--answers", "problems/examples/answers");
        Assert.Equal(0, exitCode);
        Assert.Contains("every verdict as expected", output, StringComparison.Ordinal);

        var folder = Directory.CreateTempSubdirectory("grader-answers-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "wrong.json"),
                "{\"problem\": \"example-conv1d\", \"answers\": {\"1a\": [3, 3, 2.75]}, \"expect\": {\"1a\": \"correct\"}}");
            var (failedCode, _, error) = GraderProcess.Run("check", "problems/examples", "--answers", folder.FullName);
            Assert.Equal(2, failedCode);
            Assert.Contains("wrong.json, part 1a: correct was expected, the grader says incorrect", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_of_a_broken_problem_file_exits_2_naming_the_file_and_part()
    {
        var folder = Directory.CreateTempSubdirectory("grader-check-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "broken.yaml"),
                "id: broken\ntitle: Broken\ncourse: Test\nparts:\n  - { id: q1, kind: number, reference: { network: missing, input: [1] } }\n");
            var (exitCode, _, error) = GraderProcess.Run("check", folder.FullName);
            Assert.Equal(2, exitCode);
            Assert.Contains("broken.yaml, part q1, line 5: no network named 'missing'", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_reports_every_error_of_every_file_and_warnings_without_dotnet_text()
    {
        var folder = Directory.CreateTempSubdirectory("grader-check-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.yaml"),
                "id: a\ntitle: A\ncourse: Test\nparts:\n  - { id: q1, kind: number, reference: { network: missing, input: [1] } }\n"
                + "  - id: q2\n    kind: number\n    reference: { graph: { definitions: { f: \"q*zz\" }, at: { q: 1, z: 2 } } }\n");
            File.WriteAllText(Path.Combine(folder.FullName, "b.yaml"),
                "id: b\ntitle: B\ncourse: Test\nparts:\n  - id: k\n    kind: number\n"
                + "    reference: { graph: { definitions: { m: \"max(y, z)\" }, at: { y: 1, z: 1 } }, quantity: dm/dy }\n");
            var (exitCode, _, error) = GraderProcess.Run("check", folder.FullName);
            Assert.Equal(2, exitCode);
            Assert.Contains("a.yaml, part q1, line 5: no network named 'missing'", error, StringComparison.Ordinal);
            Assert.Contains("a.yaml, part q2", error, StringComparison.Ordinal);
            Assert.Contains("did you mean 'z'?", error, StringComparison.Ordinal);
            Assert.Contains("warning: ", error, StringComparison.Ordinal);
            Assert.Contains("max(y, z) is taken at a tie", error, StringComparison.Ordinal);
            Assert.Contains("2 errors in 1 problem file.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("(Parameter", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Grade_with_json_prints_the_report_with_every_part()
    {
        var (exitCode, output, _) = GraderProcess.Run("grade", "mit-6036-s17-hw4", "examples/mit-6036-s17-hw4.mistakes.json", "--json");
        Assert.Equal(0, exitCode);
        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        Assert.Equal("mit-6036-s17-hw4", root.GetProperty("problemId").GetString());
        Assert.Equal(21, root.GetProperty("maxScore").GetDouble());
        var parts = root.GetProperty("parts").EnumerateArray().ToDictionary(part => part.GetProperty("id").GetString()!);
        Assert.Equal("partial", parts["1a"].GetProperty("status").GetString());
        Assert.Equal("invalid", parts["3d.update"].GetProperty("status").GetString());
        Assert.Contains("unknown variable 'zeta'", parts["3d.update"].GetProperty("feedback").GetString(), StringComparison.Ordinal);
        Assert.Equal("manual", parts["1b"].GetProperty("status").GetString());
        Assert.True(parts["1a"].TryGetProperty("expected", out _));
    }

    [Fact]
    public void Grade_of_a_complete_submission_prints_full_marks()
    {
        var (exitCode, output, _) = GraderProcess.Run("grade", "mit-6390-rec6", "examples/mit-6390-rec6.json");
        Assert.Equal(0, exitCode);
        Assert.Contains("mit-6390-rec6 (version", output, StringComparison.Ordinal);
        Assert.Contains("): 12 / 12", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-problem", "examples/mit-6390-rec6.json", "unknown problem 'no-such-problem'")]
    [InlineData("mit-6390-rec6", "examples/no-such-file.json", "cannot read")]
    [InlineData("mit-6390-rec6", "README.md", "is not valid JSON")]
    public void Grade_exits_2_with_the_reason_when_it_cannot_grade(string problemId, string answers, string reason)
    {
        var (exitCode, _, error) = GraderProcess.Run("grade", problemId, answers);
        Assert.Equal(2, exitCode);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
