namespace Grader.Cli.Commands;

/// <summary>The CLI's exit codes: 0 done, 2 when an input (a file, a problem id) cannot be used.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 2;
}
