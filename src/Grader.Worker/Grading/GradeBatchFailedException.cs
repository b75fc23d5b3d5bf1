namespace Grader.Worker.Grading;

/// <summary>
/// A batch of several grades failed on something other than the database being unavailable: perhaps one submission the
/// write cannot store. Retried, and MassTransit delivers each retried message in a batch of its own, so the culprit
/// faults alone and is marked failed by <see cref="GradeSubmissionFaultConsumer"/>, while the others are graded.
/// </summary>
public sealed class GradeBatchFailedException(int count, Exception inner)
    : Exception($"A batch of {count} grades failed; each is tried again on its own: {inner.Message}", inner);
