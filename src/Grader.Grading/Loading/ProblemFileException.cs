namespace Grader.Grading.Loading;

/// <summary>A problem file that cannot be loaded; the message names the file, the part and the line where known.</summary>
public sealed class ProblemFileException(string location, string reason) : Exception($"{location}: {reason}")
{
    public string Location { get; } = location;

    public string Reason { get; } = reason;
}
