using Grader.Data.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Grader.Data.Access;

/// <summary>Creates, lists, revokes and verifies API keys in <c>api_keys</c>; shared by the API and the CLI.</summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns = "id, name, role, courses, created_at, revoked_at";

    public async Task<IssuedApiKey> CreateAsync(string name, ApiKeyRole role, IReadOnlyList<string> courses, CancellationToken cancellationToken)
    {
        if (role == ApiKeyRole.Admin ? courses.Count > 0 : courses.Count == 0)
        {
            throw new ArgumentException(role == ApiKeyRole.Admin
                ? "An admin key sees every course; give it no course."
                : $"An {role.Name()} key needs at least one course.", nameof(courses));
        }

        var token = ApiKeyToken.Generate();
        var key = new ApiKey(Guid.CreateVersion7(), name, role, courses.Distinct(StringComparer.Ordinal).ToList(), clock.GetUtcNow(), null);
        await using var command = SqlCommands.Create(dataSource,
            "insert into api_keys (id, name, role, courses, token_hash, created_at) values ($1, $2, $3, $4, $5, $6)",
            key.Id, key.Name, key.Role.Name(), SqlCommands.Typed(NpgsqlDbType.Array | NpgsqlDbType.Text, key.Courses.ToArray()),
            ApiKeyToken.Hash(token), key.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new IssuedApiKey(key, token);
    }

    /// <returns>The key the token belongs to, revoked or not; null for an unknown or malformed token.</returns>
    public async Task<ApiKey?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (!ApiKeyToken.LooksValid(token))
        {
            return null;
        }

        await using var command = SqlCommands.Create(dataSource, $"select {Columns} from api_keys where token_hash = $1", ApiKeyToken.Hash(token));
        var keys = await SqlCommands.ListAsync(command, Read, cancellationToken);
        return keys.Count == 0 ? null : keys[0];
    }

    /// <returns>The key with this id, revoked or not; null when none (a staff session checks its key on every request).</returns>
    public async Task<ApiKey?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, $"select {Columns} from api_keys where id = $1", id);
        var keys = await SqlCommands.ListAsync(command, Read, cancellationToken);
        return keys.Count == 0 ? null : keys[0];
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource, $"select {Columns} from api_keys order by created_at, id");
        return await SqlCommands.ListAsync(command, Read, cancellationToken);
    }

    /// <returns>false when no such key exists; revoking twice keeps the first revocation time.</returns>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            "update api_keys set revoked_at = coalesce(revoked_at, $2) where id = $1", id, clock.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static ApiKey Read(NpgsqlDataReader reader)
    {
        ApiKeyRoles.TryParse(reader.Get<string>("role"), out var role);
        return new ApiKey(
            reader.Get<Guid>("id"),
            reader.Get<string>("name"),
            role,
            reader.Get<string[]>("courses"),
            reader.Get<DateTimeOffset>("created_at"),
            reader.Value<DateTimeOffset>("revoked_at"));
    }
}
