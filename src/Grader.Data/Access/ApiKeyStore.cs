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
        await using var command = dataSource.CreateCommand(
            "insert into api_keys (id, name, role, courses, token_hash, created_at) values ($1, $2, $3, $4, $5, $6)");
        command.Parameters.AddWithValue(key.Id);
        command.Parameters.AddWithValue(key.Name);
        command.Parameters.AddWithValue(key.Role.Name());
        command.Parameters.Add(new NpgsqlParameter { Value = key.Courses.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.AddWithValue(ApiKeyToken.Hash(token));
        command.Parameters.AddWithValue(key.CreatedAt);
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

        await using var command = dataSource.CreateCommand($"select {Columns} from api_keys where token_hash = $1");
        command.Parameters.AddWithValue(ApiKeyToken.Hash(token));
        var keys = await ReadAsync(command, cancellationToken);
        return keys.Count == 0 ? null : keys[0];
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from api_keys order by created_at, id");
        return await ReadAsync(command, cancellationToken);
    }

    /// <returns>false when no such key exists; revoking twice keeps the first revocation time.</returns>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update api_keys set revoked_at = coalesce(revoked_at, $2) where id = $1");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(clock.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<List<ApiKey>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var keys = new List<ApiKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ApiKeyRoles.TryParse(reader.GetString(2), out var role);
            keys.Add(new ApiKey(
                reader.GetGuid(0),
                reader.GetString(1),
                role,
                reader.GetFieldValue<string[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return keys;
    }
}
