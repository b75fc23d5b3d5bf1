namespace Grader.Grading.Loading;

/// <summary>What a <see cref="ProblemCatalogProvider"/> reports as it watches its folder; the hosts log it.</summary>
public interface IProblemCatalogEvents
{
    /// <summary>Reports nothing (tests, the command line).</summary>
    public static IProblemCatalogEvents None { get; } = new Silent();

    /// <summary>The folder cannot be watched (out of inotify watches, say): edits are picked up by <c>Refresh</c> only.</summary>
    void CannotWatch(string directory, Exception exception);

    /// <summary>The folder could not be read; the loaded catalog stays.</summary>
    void CannotRead(string directory, Exception exception);

    /// <summary>Edited files do not load; the previous catalog stays.</summary>
    void EditRejected(string directory, Exception exception);

    /// <summary>A reload gave a problem a new version (<paramref name="previousVersion"/> is "none" for a new problem).</summary>
    void VersionChanged(string problemId, string version, string previousVersion);

    private sealed class Silent : IProblemCatalogEvents
    {
        public void CannotWatch(string directory, Exception exception)
        {
        }

        public void CannotRead(string directory, Exception exception)
        {
        }

        public void EditRejected(string directory, Exception exception)
        {
        }

        public void VersionChanged(string problemId, string version, string previousVersion)
        {
        }
    }
}
