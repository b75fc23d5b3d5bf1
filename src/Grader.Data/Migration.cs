using System.Security.Cryptography;
using System.Text;

namespace Grader.Data;

/// <summary>One embedded <c>Migrations/NNNN_name.sql</c> file and the SHA-256 of its text (line endings normalised).</summary>
internal sealed record Migration(string Version, string Sql, string Checksum)
{
    private const string Prefix = "Grader.Data.Migrations.";

    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            migrations.Add(Of(name[Prefix.Length..^".sql".Length], reader.ReadToEnd()));
        }

        return migrations;
    }

    public static Migration Of(string version, string sql) =>
        // A checkout with CRLF line endings is the same script.
        new(version, sql, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.Replace("\r\n", "\n", StringComparison.Ordinal)))));
}
