using System.Security.Cryptography;

namespace Grader.Grading.Loading;

/// <summary>
/// The current problem catalog of a folder, reloaded when its files change: a watcher notices edits, and
/// <see cref="Refresh"/> compares a hash of every file's content, so a regrade never grades against a stale catalog.
/// A broken edit keeps the previous catalog and reports why to the <see cref="IProblemCatalogEvents"/> given (the hosts log).
/// </summary>
public sealed class ProblemCatalogProvider : IDisposable
{
    // Editors write a file in several steps (truncate, write, rename): reload once they are done.
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private readonly string _directory;
    private readonly IProblemCatalogEvents _events;
    private readonly Lock _gate = new();
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _debounce;
    private volatile Loaded _current;
    private string? _rejectedFingerprint;

    /// <summary>Loads the folder now; a broken folder at start-up throws, so the process does not serve without a catalog.</summary>
    public ProblemCatalogProvider(string directory, IProblemCatalogEvents? events = null)
    {
        _directory = directory;
        _events = events ?? IProblemCatalogEvents.None;
        var fingerprint = Fingerprint(directory);
        _current = new Loaded(ProblemCatalog.Load(directory), fingerprint);
        _debounce = new Timer(_ => Refresh());
        try
        {
            _watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = false, EnableRaisingEvents = true };
            _watcher.Changed += OnChange;
            _watcher.Created += OnChange;
            _watcher.Deleted += OnChange;
            _watcher.Renamed += OnChange;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // Out of inotify watches, say: Refresh before each regrade batch still picks edits up.
            _events.CannotWatch(directory, exception);
        }
    }

    public ProblemCatalog Current => _current.Catalog;

    public string Directory => _directory;

    /// <summary>Reloads when the files' content differs from the loaded catalog's.</summary>
    /// <returns>Whether a new catalog is now current.</returns>
    public bool Refresh()
    {
        lock (_gate)
        {
            string fingerprint;
            try
            {
                fingerprint = Fingerprint(_directory);
            }
            catch (IOException exception)
            {
                _events.CannotRead(_directory, exception);
                return false;
            }

            if (fingerprint == _current.Fingerprint || fingerprint == _rejectedFingerprint)
            {
                return false;
            }

            try
            {
                var catalog = ProblemCatalog.Load(_directory);
                ReportVersionChanges(_current.Catalog, catalog);
                _current = new Loaded(catalog, fingerprint);
                _rejectedFingerprint = null;
                return true;
            }
            catch (Exception exception) when (exception is ProblemFileException or IOException)
            {
                _rejectedFingerprint = fingerprint;
                _events.EditRejected(_directory, exception);
                return false;
            }
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e) => _debounce.Change(Debounce, Timeout.InfiniteTimeSpan);

    private void ReportVersionChanges(ProblemCatalog before, ProblemCatalog after)
    {
        foreach (var problem in after.Problems)
        {
            var old = before.TryGet(problem.Id, out var previous) ? previous.Version : "none";
            if (old != problem.Version)
            {
                _events.VersionChanged(problem.Id, problem.Version, old);
            }
        }
    }

    // Names and contents of the files ProblemCatalog.Load reads, in its order.
    private static string Fingerprint(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = System.IO.Directory.EnumerateFiles(directory, "*.yaml")
            .Concat(System.IO.Directory.EnumerateFiles(directory, "*.yml"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\0"));
            hash.AppendData(File.ReadAllBytes(file));
            hash.AppendData([0]);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private sealed record Loaded(ProblemCatalog Catalog, string Fingerprint);
}
