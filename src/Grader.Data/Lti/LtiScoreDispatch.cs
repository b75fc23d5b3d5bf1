using Grader.Data.Outbox;
using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Lti;

/// <summary>
/// What the LTI dispatcher does with <c>lti_score_posts</c>, as <c>GradeEventDispatch</c> does with webhook events: claim
/// due posts of one platform under a lease (earliest pending per submission only, so revisions go out in order), then
/// record each post's outcome on the database's clock. The SQL is <see cref="OutboxTable"/>'s, shared with webhook events.
/// </summary>
public sealed class LtiScoreDispatch(NpgsqlDataSource dataSource)
{
    /// <summary>The sources that have a platform and a pending post: each gets a dispatch loop of its own.</summary>
    public async Task<List<string>> SourcesWithPlatformsAsync(CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, "select source from lti_platforms order by source");
        return await SqlCommands.ListAsync(command, reader => reader.Get<string>("source"), cancellationToken);
    }

    public async Task<List<ClaimedScorePost>> ClaimAsync(string source, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = OutboxTable.LtiScorePosts.ClaimCommand(
            dataSource, source, limit, lease, "select * from claimed order by seq");
        return await SqlCommands.ListAsync(command, reader => new ClaimedScorePost(
            reader.Get<long>("seq"), reader.Get<Guid>("id"), reader.Get<string>("source"), reader.Get<Guid>("submission_id"),
            reader.Get<int>("revision"), reader.Get<int>("attempts"), reader.Get<string>("line_item_url"), reader.Get<string>("user_id"),
            reader.Get<double>("score_given"), reader.Get<double>("score_maximum"), reader.Get<string>("grading_progress"),
            reader.Get<DateTimeOffset>("score_timestamp")), cancellationToken);
    }

    public Task MarkDeliveredAsync(long seq, CancellationToken cancellationToken) =>
        OutboxTable.LtiScorePosts.MarkDeliveredAsync(dataSource, seq, cancellationToken);

    /// <returns>Whether the post is dead now (its retry would fall outside <paramref name="maxAge"/>).</returns>
    public Task<bool> MarkFailedAttemptAsync(long seq, string error, TimeSpan delay, TimeSpan maxAge, CancellationToken cancellationToken) =>
        OutboxTable.LtiScorePosts.MarkFailedAttemptAsync(dataSource, seq, error, delay, maxAge, cancellationToken);
}
