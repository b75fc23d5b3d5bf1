using System.Diagnostics;

namespace Grader.Cli.Tests;

/// <summary>Runs the built command-line grader (grader.dll) from the repository root and captures what it prints.</summary>
internal static class GraderProcess
{
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "grader.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("grader did not finish within 60 s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Grader.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root");
    }
}
