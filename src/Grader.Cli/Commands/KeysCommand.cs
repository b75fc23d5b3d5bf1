using System.CommandLine;
using System.Globalization;
using Grader.Data.Access;

namespace Grader.Cli.Commands;

/// <summary>
/// <c>grader keys create|list|revoke</c>: API keys in the service's PostgreSQL (<c>--connection</c> or
/// <c>ConnectionStrings__Grader</c>). <c>create</c> and <c>revoke</c> migrate first, so they work on a fresh database;
/// <c>list</c> only reads, and refuses a database whose schema is behind this grader rather than change it.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection")
        {
            Description = "PostgreSQL connection string (default: $ConnectionStrings__Grader)",
            Recursive = true,
        };
        var command = new Command("keys", "Create, list and revoke API keys") { connection, CreateKey(connection), ListKeys(connection), RevokeKey(connection) };
        return command;
    }

    private static Command CreateKey(Option<string?> connection)
    {
        var role = new Option<string>("--role") { Description = "lms, instructor or admin", Required = true };
        var courses = new Option<string[]>("--course") { Description = "A course the key may see (repeat for several; none for admin)", AllowMultipleArgumentsPerToken = false };
        var name = new Option<string?>("--name") { Description = "Who holds the key, for the list" };
        var command = new Command("create", "Issue a key and print it once (only its hash is stored)") { role, courses, name };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(connection), Schema.Migrate, async store =>
        {
            if (!ApiKeyRoles.TryParse(result.GetValue(role), out var parsedRole))
            {
                Console.Error.WriteLine($"error: unknown role '{result.GetValue(role)}' (lms, instructor or admin)");
                return ExitCodes.BadInput;
            }

            var courseList = (result.GetValue(courses) ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
            var keyName = result.GetValue(name) ?? $"{parsedRole.Name()} {string.Join(' ', courseList)}".Trim();
            try
            {
                var issued = await store.CreateAsync(keyName, parsedRole, courseList, cancellationToken);
                Console.WriteLine(issued.Token);
                Console.Error.WriteLine($"key {issued.Key.Id} ({Describe(issued.Key)}) created; the key above is shown only this once.");
                return ExitCodes.Success;
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine($"error: {exception.Message.Split(" (Parameter", 2)[0]}");
                return ExitCodes.BadInput;
            }
        }, cancellationToken));
        return command;
    }

    private static Command ListKeys(Option<string?> connection)
    {
        var command = new Command("list", "List keys: id, role, courses, name, created, revoked (never the keys themselves)");
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(connection), Schema.ReadOnly, async store =>
        {
            Console.WriteLine($"{"id",-36}  {"role",-10}  {"created (UTC)",-16}  {"revoked (UTC)",-16}  courses / name");
            foreach (var key in await store.ListAsync(cancellationToken))
            {
                Console.WriteLine($"{key.Id,-36}  {key.Role.Name(),-10}  {Time(key.CreatedAt),-16}  {Time(key.RevokedAt),-16}  {Describe(key)}");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command RevokeKey(Option<string?> connection)
    {
        var id = new Argument<Guid>("id") { Description = "The key's id (from 'grader keys list')" };
        var command = new Command("revoke", "Revoke a key: requests with it get 401 from now on") { id };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(connection), Schema.Migrate, async store =>
        {
            if (!await store.RevokeAsync(result.GetValue(id), cancellationToken))
            {
                Console.Error.WriteLine($"error: no key {result.GetValue(id)}");
                return ExitCodes.BadInput;
            }

            Console.WriteLine($"key {result.GetValue(id)} revoked");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(string? connection, Schema schema, Func<ApiKeyStore, Task<int>> action,
        CancellationToken cancellationToken) =>
        CliDatabase.RunAsync(connection, schema == Schema.ReadOnly ? "keys list" : null,
            dataSource => action(new ApiKeyStore(dataSource, TimeProvider.System)), cancellationToken);

    private enum Schema
    {
        Migrate,
        ReadOnly,
    }

    private static string Describe(ApiKey key) =>
        (key.Courses.Count == 0 ? "all courses" : string.Join(", ", key.Courses)) + $" / {key.Name}";

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
