namespace Grader.Cli.Commands;

/// <summary>
/// The CLI's exit codes: 0 done, 2 when an input (a file, a problem id) cannot be used, 3 when the database cannot, 4 when
/// a read-only command finds the database's schema behind this grader.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 2;
    public const int Unavailable = 3;
    public const int SchemaBehind = 4;
}
