using Grader.Grading.Loading;
using Microsoft.Extensions.Logging;

namespace Grader.ServiceDefaults;

/// <summary>Logs what the <see cref="ProblemCatalogProvider"/> of an API or worker process reports.</summary>
internal sealed class ProblemCatalogLog(ILogger<ProblemCatalogProvider> logger) : IProblemCatalogEvents
{
    public void CannotWatch(string directory, Exception exception) =>
        logger.LogWarning(exception, "Cannot watch {Directory}; problem edits are picked up on demand only", directory);

    public void CannotRead(string directory, Exception exception) =>
        logger.LogWarning(exception, "Cannot read {Directory}; keeping the loaded catalog", directory);

    public void EditRejected(string directory, Exception exception) =>
        logger.LogError(exception, "Edited problems in {Directory} do not load; keeping the previous catalog", directory);

    public void VersionChanged(string problemId, string version, string previousVersion) =>
        logger.LogInformation("Problem {ProblemId} is now version {ProblemVersion} (was {PreviousVersion})", problemId, version, previousVersion);
}
