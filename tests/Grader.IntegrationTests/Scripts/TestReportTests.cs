using System.Diagnostics;
using System.Runtime.Versioning;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Scripts;

/// <summary>
/// infra/test-report.sh, test.sh's report on its <c>dotnet test</c> runs, on recorded console logs (TestRunLogs/): the
/// failed tests of a run that finished run once more, through a stand-in <c>dotnet</c> that prints a recorded log, and
/// the end of the output, all that CI keeps, names every failure with its message and gives the totals.
/// </summary>
[SupportedOSPlatform("linux")] // test.sh and its scripts run on Linux only; the stand-in dotnet is made executable
public sealed class TestReportTests : IDisposable
{
    private const string Project = "tests/Scratch/Scratch.csproj";
    private const string FirstFailureFilter =
        "FullyQualifiedName=Scratch.OrderTests.Score_is_positive|FullyQualifiedName=Scratch.OrderTests.Total_is_the_sum";

    private readonly string _folder = Directory.CreateTempSubdirectory("test-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Clean_pass_prints_only_the_totals_and_succeeds()
    {
        var report = Report([new ProjectRun(Project, "passed", 0)], new ProjectRun(Project, "retry-failed", 1));

        Assert.Equal((0, "7 passed, 0 failed\n"), (report.ExitCode, report.Output));
        Assert.Null(report.RetryArguments);
    }

    [Fact]
    public void Failure_is_repeated_with_its_message_and_stack_above_one_line_per_failed_test()
    {
        var report = Report([new ProjectRun(Project, "failed", 1)], new ProjectRun(Project, "retry-failed", 1));

        Assert.Contains(
            """
            == tests/Scratch/Scratch.csproj: exit code 1
              Failed Scratch.OrderTests.Score_is_positive(x: 1) [23 ms]
              Error Message:
               score too small
              Stack Trace:
                 at Scratch.OrderTests.Score_is_positive(Int32 x) in /tmp/r18/Scratch/Tests.cs:line 6
               at System.Reflection.MethodBaseInvoker.InterpretedInvoke_Method(Object obj, IntPtr* args)
               at System.Reflection.MethodBaseInvoker.InvokeDirectByRefWithFewArgs(Object obj, Span`1 copyOfArgs, BindingFlags invokeAttr)
              Failed Scratch.OrderTests.Total_is_the_sum [25 ms]
              Error Message:
               Assert.Equal() Failure: Values differ
            Expected: 3
            Actual:   2
              Stack Trace:
                 at Scratch.OrderTests.Total_is_the_sum() in /tmp/r18/Scratch/Tests.cs:line 5
               at System.Reflection.MethodBaseInvoker.InterpretedInvoke_Method(Object obj, IntPtr* args)
               at System.Reflection.MethodBaseInvoker.InvokeWithNoArgs(Object obj, BindingFlags invokeAttr)
              Failed Scratch.OrderTests.Score_is_positive(x: 1) [23 ms]
            """,
            report.Output,
            StringComparison.Ordinal);
        Assert.Contains(
            """
            Failed in tests/Scratch/Scratch.csproj:
              - Scratch.OrderTests.Score_is_positive(x: 1)
              - Scratch.OrderTests.Total_is_the_sum

            """,
            report.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Theory_case_runs_again_by_its_method_name()
    {
        var report = Report([new ProjectRun(Project, "failed", 1)], new ProjectRun(Project, "retry-failed", 1));

        Assert.StartsWith("Running again, once: Scratch.OrderTests.Score_is_positive Scratch.OrderTests.Total_is_the_sum\n",
            report.Output, StringComparison.Ordinal);
        Assert.Equal(
            ["test", Project, "--filter", FirstFailureFilter, "-c", "Release", "--no-build", "--nologo", "--blame-hang-timeout", "5m",
                "--logger", "console;verbosity=normal"],
            report.RetryArguments!);
    }

    [Theory]
    [InlineData("crashed", "3 passed, 2 failed")]
    [InlineData("hang-aborted", "4 passed, 2 failed")]
    public void Run_whose_test_host_crashed_or_was_aborted_by_the_hang_timeout_does_not_run_again(string log, string totals)
    {
        // Were it run again, this retry would pass and hide that the aborted run may have left tests unrun.
        var report = Report([new ProjectRun(Project, log, 1)], new ProjectRun(Project, "retry-passed", 0));

        Assert.Null(report.RetryArguments);
        Assert.Equal(1, report.ExitCode);
        Assert.EndsWith(
            $"""
            Failed in tests/Scratch/Scratch.csproj:
              - Scratch.OrderTests.Score_is_positive(x: 1)
              - Scratch.OrderTests.Total_is_the_sum
            {totals}

            """,
            report.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Test_that_passes_on_its_second_run_counts_as_passed_and_is_listed_as_flaky()
    {
        var report = Report(
            [new ProjectRun("tests/Steady/Steady.csproj", "passed", 0), new ProjectRun(Project, "failed", 1)],
            new ProjectRun(Project, "retry-passed", 0));

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(Project, report.RetryArguments?[1]);
        Assert.Contains("== tests/Scratch/Scratch.csproj: exit code 0\n", report.Output, StringComparison.Ordinal);
        Assert.EndsWith(
            """
            Failed in tests/Scratch/Scratch.csproj:
              - Scratch.OrderTests.Score_is_positive(x: 1)
              - Scratch.OrderTests.Total_is_the_sum
            Flaky: failed once, then passed on a second run (counted as passed):
              - Scratch.OrderTests.Score_is_positive(x: 1)
              - Scratch.OrderTests.Total_is_the_sum
            14 passed, 0 failed

            """,
            report.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Test_that_fails_again_on_its_second_run_counts_as_failed()
    {
        var report = Report(
            [new ProjectRun("tests/Steady/Steady.csproj", "passed", 0), new ProjectRun(Project, "failed", 1)],
            new ProjectRun(Project, "retry-failed", 1));

        Assert.Equal(1, report.ExitCode);
        Assert.DoesNotContain("Flaky", report.Output, StringComparison.Ordinal);
        Assert.EndsWith(
            """
            Failed in tests/Scratch/Scratch.csproj:
              - Scratch.OrderTests.Score_is_positive(x: 1)
              - Scratch.OrderTests.Total_is_the_sum
              - Scratch.OrderTests.Score_is_positive(x: 1) (again, on its second run)
              - Scratch.OrderTests.Total_is_the_sum (again, on its second run)
            12 passed, 2 failed

            """,
            report.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_message_is_cut_at_25_lines()
    {
        var report = Report([new ProjectRun(Project, "long-message", 1)], new ProjectRun(Project, "long-message-retry", 1));

        // The 40-line message, once from each run: the "Failed" line, "Error Message:" and the message's first 23 lines.
        static string FirstLines(string timing) => string.Join("\n",
            [$"  Failed Scratch.OrderTests.Long_message [{timing}]", "  Error Message:", "   System.Exception : line 1",
                ..Enumerable.Range(2, 22).Select(line => $"line {line}")]) + "\n";
        Assert.Contains(
            "== tests/Scratch/Scratch.csproj: exit code 1\n" + FirstLines("10 ms") + FirstLines("54 ms")
                + "Failed in tests/Scratch/Scratch.csproj:\n",
            report.Output,
            StringComparison.Ordinal);
    }

    private sealed record ProjectRun(string Project, string Log, int ExitCode);

    private sealed record TestReport(int ExitCode, string Output, string[]? RetryArguments);

    /// <summary>
    /// Runs <c>report_test_runs</c> on the first runs' recorded logs, as test.sh does (<c>set -euo pipefail</c>), with a
    /// stand-in <c>dotnet</c> that answers any run of <paramref name="retry"/>'s project with its recorded log and exit code.
    /// </summary>
    private TestReport Report(ProjectRun[] firstRuns, ProjectRun retry)
    {
        var logs = Directory.CreateDirectory(Path.Combine(_folder, "logs")).FullName;
        foreach (var run in firstRuns)
        {
            var log = Path.Combine(logs, Path.GetFileNameWithoutExtension(run.Project) + ".log");
            File.Copy(RecordedLog(run.Log), log);
            File.WriteAllText(log + ".rc", $"{run.ExitCode}\n");
        }

        var bin = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        var arguments = Path.Combine(_folder, "dotnet-arguments");
        var dotnet = Path.Combine(bin, "dotnet");
        File.WriteAllText(dotnet, $"""
            #!/bin/sh
            printf '%s\n' "$@" >> '{arguments}'
            [ "$2" = '{retry.Project}' ] || exit 99
            cat '{RecordedLog(retry.Log)}'
            exit {retry.ExitCode}

            """);
        File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        const string script = "set -euo pipefail; source infra/test-report.sh; report_test_runs \"$@\"";
        var start = new ProcessStartInfo("bash", ["-c", script, "report", logs, .. firstRuns.Select(run => run.Project)])
        {
            WorkingDirectory = TestServers.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.Equal("", error.Result);
        var retryArguments = File.Exists(arguments) ? File.ReadAllLines(arguments) : null;
        return new TestReport(process.ExitCode, output.Result, retryArguments);
    }

    private static string RecordedLog(string name) =>
        Path.Combine(TestServers.RepositoryRoot, "tests", "Grader.IntegrationTests", "Scripts", "TestRunLogs", name + ".log");
}
