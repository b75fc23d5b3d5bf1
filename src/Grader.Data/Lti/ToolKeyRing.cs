using System.Security.Cryptography;
using System.Text.Json;
using Grader.Data.Sql;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Grader.Data.Lti;

/// <summary>
/// The tool's RSA signing keys. <c>grader lti keys rotate</c> adds a key, which signs from then on; the JWKS serves it and
/// the one before, so a platform that cached the old key set still verifies assertions signed just before a rotation.
/// </summary>
public sealed class ToolKeyRing(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>How many of the newest keys the JWKS serves: the current one and the previous one.</summary>
    public const int ServedKeys = 2;

    /// <summary>Generates a 2048-bit RSA key, stores its public JWK and its encrypted private key; returns its kid.</summary>
    public async Task<string> RotateAsync(ToolKeyProtection protection, CancellationToken cancellationToken)
    {
        using var rsa = RSA.Create(2048);
        var now = clock.GetUtcNow();
        var kid = $"{now:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = kid });
        jwk.Use = JsonWebKeyUseNames.Sig;
        jwk.Alg = SecurityAlgorithms.RsaSha256;
        var publicJwk = JsonSerializer.Serialize(new { kty = jwk.Kty, use = jwk.Use, alg = jwk.Alg, kid, n = jwk.N, e = jwk.E });
        var sealedKey = protection.Protect(kid, rsa.ExportPkcs8PrivateKey());
        await using var command = SqlCommands.Create(dataSource,
            "insert into lti_tool_keys (kid, public_jwk, private_key, created_at) values ($1, $2, $3, $4)", kid, publicJwk, sealedKey, now);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return kid;
    }

    /// <summary>The served public keys, newest (the signing one) first.</summary>
    public async Task<List<ToolPublicKey>> PublicKeysAsync(CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            "select kid, public_jwk, created_at from lti_tool_keys order by created_at desc, kid desc limit $1", ServedKeys);
        return await SqlCommands.ListAsync(command, reader => new ToolPublicKey(
            reader.Get<string>("kid"), reader.Get<string>("public_jwk"), reader.Get<DateTimeOffset>("created_at")), cancellationToken);
    }

    /// <summary>The newest key, decrypted, to sign with; null when no key was ever rotated in.</summary>
    public async Task<RsaSecurityKey?> SigningKeyAsync(ToolKeyProtection protection, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(dataSource,
            "select kid, private_key from lti_tool_keys order by created_at desc, kid desc limit 1");
        var rows = await SqlCommands.ListAsync(command, reader => (Kid: reader.Get<string>("kid"), Sealed: reader.Get<byte[]>("private_key")),
            cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(protection.Unprotect(rows[0].Kid, rows[0].Sealed), out _);
        return new RsaSecurityKey(rsa) { KeyId = rows[0].Kid };
    }
}
