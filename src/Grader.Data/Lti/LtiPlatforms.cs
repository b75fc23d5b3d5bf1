using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Lti;

/// <summary>Platform registrations and assignment line items: added once, then read by the API, the CLI and the worker.</summary>
public sealed class LtiPlatforms(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <returns>false when the source (or the issuer, client and deployment) is registered already.</returns>
    public async Task<bool> AddAsync(LtiPlatform platform, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            insert into lti_platforms (source, issuer, client_id, deployment_id, token_url, audience, created_at)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict do nothing
            """, platform.Source, platform.Issuer, platform.ClientId, platform.DeploymentId, platform.TokenUrl, platform.Audience,
            clock.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<List<LtiPlatform>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, "select * from lti_platforms order by source");
        return await SqlCommands.ListAsync(command, reader => new LtiPlatform(
            reader.Get<string>("source"), reader.Get<string>("issuer"), reader.Get<string>("client_id"), reader.Get<string>("deployment_id"),
            reader.Get<string>("token_url"), reader.Text("audience"), reader.Get<DateTimeOffset>("created_at")), cancellationToken);
    }

    public async Task<LtiPlatform?> FindAsync(string source, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Find(p => p.Source == source);

    /// <summary>Maps an assignment to a line item once: a second mapping of the same assignment is refused, not moved.</summary>
    /// <returns>false when the assignment is mapped already.</returns>
    public async Task<bool> MapAsync(LtiLineItemMap map, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, """
            insert into lti_line_item_maps (source, course, assignment, line_item_url, created_at) values ($1, $2, $3, $4, $5)
            on conflict do nothing
            """, map.Source, map.Course, map.Assignment, map.LineItemUrl, clock.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<List<LtiLineItemMap>> ListMapsAsync(CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, "select * from lti_line_item_maps order by source, course, assignment");
        return await SqlCommands.ListAsync(command, reader => new LtiLineItemMap(
            reader.Get<string>("source"), reader.Get<string>("course"), reader.Get<string>("assignment"),
            reader.Get<string>("line_item_url"), reader.Get<DateTimeOffset>("created_at")), cancellationToken);
    }
}
