using Npgsql;

namespace Grader.Data.Sql;

/// <summary>
/// The optional filters of a query as SQL conditions with parameters. Only the given filters are written into the SQL, so
/// PostgreSQL plans each combination with the right index instead of one plan full of <c>@x is null or …</c>.
/// </summary>
internal sealed class SqlFilter
{
    private readonly List<string> _conditions = [];
    private readonly List<NpgsqlParameter> _parameters = [];

    public SqlFilter Where(string condition, string name, object value)
    {
        _conditions.Add(condition);
        _parameters.Add(new NpgsqlParameter(name, value));
        return this;
    }

    /// <summary>A parameter the SQL uses outside the conditions (a limit, a cursor).</summary>
    public SqlFilter With(string name, object value)
    {
        _parameters.Add(new NpgsqlParameter(name, value));
        return this;
    }

    public SqlFilter WhereIf(bool given, string condition, string name, object? value) =>
        given ? Where(condition, name, value!) : this;

    /// <summary>The conditions joined with <c>and</c>, each prefixed by <paramref name="alias"/>.</summary>
    public string Sql(string alias = "") =>
        string.Join(" and ", _conditions.Select(c => c.Replace("{s}", alias, StringComparison.Ordinal)));

    public NpgsqlCommand Command(NpgsqlDataSource dataSource, string sql) => SqlCommands.Create(dataSource, sql, Parameters());

    public NpgsqlCommand Command(NpgsqlConnection connection, string sql) => SqlCommands.Create(connection, null, sql, Parameters());

    // Cloned: a parameter belongs to one command, and a filter may build several.
    private object?[] Parameters() => _parameters.Select(p => (object?)p.Clone()).ToArray();
}
