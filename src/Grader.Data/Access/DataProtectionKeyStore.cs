using Grader.Data.Sql;
using Npgsql;

namespace Grader.Data.Access;

/// <summary>
/// The rows of the data-protection key ring (<c>data_protection_keys</c>), as text: the API's <c>IXmlRepository</c> turns
/// them into XML. Synchronous, as that interface is; the key manager reads the ring at start and then about once a day.
/// </summary>
public sealed class DataProtectionKeyStore(NpgsqlDataSource dataSource)
{
    /// <summary>Every stored key element with its row's name (<c>key-&lt;id&gt;</c>), oldest first.</summary>
    public IReadOnlyList<StoredKeyRow> All()
    {
        using var command = SqlCommands.Create(dataSource, "select name, xml from data_protection_keys order by created_at, name");
        using var reader = command.ExecuteReader();
        var rows = new List<StoredKeyRow>();
        while (reader.Read())
        {
            rows.Add(new StoredKeyRow(reader.Get<string>("name"), reader.Get<string>("xml")));
        }

        return rows;
    }

    /// <summary>Adds a key element; a name stored before (a retried insert) keeps its first element.</summary>
    public void Add(string name, string xml)
    {
        using var command = SqlCommands.Create(dataSource,
            "insert into data_protection_keys (name, xml) values ($1, $2) on conflict (name) do nothing", name, xml);
        command.ExecuteNonQuery();
    }
}

/// <summary>One row of <c>data_protection_keys</c>: its name (the key manager's friendly name) and its key element.</summary>
public sealed record StoredKeyRow(string Name, string Xml);
