using Grader.Contracts;

namespace Grader.Worker.Grading;

/// <summary>
/// The submissions a <see cref="GradeSubmissions"/> names, as every consumer of it (batch, one at a time, fault) takes them:
/// each once, in order, without <see cref="Guid.Empty"/>, which no submission has. No sender of ours writes a list that
/// needs this, but a message naming nothing must be consumed, not thrown on: no retry or fault could ever give it ids.
/// </summary>
public static class GradableIds
{
    public static IReadOnlyList<Guid> Of(GradeSubmissions? message, Guid? messageId, ILogger logger)
    {
        var named = message?.SubmissionIds ?? [];
        var empty = named.Count(id => id == Guid.Empty);
        if (empty > 0)
        {
            logger.LogWarning("Message {MessageId} named submission {SubmissionId} {Times} time(s); skipped, no submission has it",
                messageId, Guid.Empty, empty);
        }

        var ids = named.Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
        {
            logger.LogWarning("Message {MessageId} named no submission ({Named}); consumed without grading",
                messageId, message?.SubmissionIds is null ? "no list" : $"{named.Count} id(s)");
        }
        else if (ids.Count + empty < named.Count)
        {
            logger.LogInformation("Message {MessageId} named {Repeats} submission id(s) more than once; each is graded once",
                messageId, named.Count - empty - ids.Count);
        }

        return ids;
    }
}
