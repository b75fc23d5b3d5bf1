namespace Grader.Cli.Commands;

/// <summary>The CLI's exit codes: 0 done, 2 when an input (a file, a problem id) cannot be used, 3 when the database cannot.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 2;
    public const int Unavailable = 3;
}
