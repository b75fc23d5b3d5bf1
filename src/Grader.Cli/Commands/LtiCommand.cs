using System.CommandLine;
using Grader.Contracts.Lti;
using Grader.Data.Lti;

namespace Grader.Cli.Commands;

/// <summary>
/// <c>grader lti keys rotate|list</c>, <c>grader lti platforms add|list</c>, <c>grader lti line-items map|list</c>: the
/// LTI 1.3 set-up in the service's PostgreSQL (<c>--connection</c> or <c>ConnectionStrings__Grader</c>), migrated first.
/// <c>keys rotate</c> encrypts the new private key with <c>--key-encryption-key</c> or <c>Lti__KeyEncryptionKey</c>, the
/// value the workers are given.
/// </summary>
internal static class LtiCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection")
        {
            Description = "PostgreSQL connection string (default: $ConnectionStrings__Grader)",
            Recursive = true,
        };
        var keys = new Command("keys", "The tool's RSA signing keys") { RotateKey(connection), ListKeys(connection) };
        var platforms = new Command("platforms", "Platform registrations, one per webhook source") { AddPlatform(connection), ListPlatforms(connection) };
        var lineItems = new Command("line-items", "Assignments mapped to AGS line items") { MapLineItem(connection), ListLineItems(connection) };
        return new Command("lti", "LTI 1.3 Assignment and Grade Services set-up") { connection, keys, platforms, lineItems };
    }

    private static Command RotateKey(Option<string?> connection)
    {
        var encryptionKey = new Option<string?>("--key-encryption-key")
        {
            Description = "32 bytes, base64, that encrypt the private key (default: $Lti__KeyEncryptionKey)",
        };
        var command = new Command("rotate", "Generate a new RSA key that signs from now on; the JWKS keeps serving the previous one") { encryptionKey };
        command.SetAction((result, cancellationToken) => CliDatabase.RunAsync(result.GetValue(connection), async dataSource =>
        {
            ToolKeyProtection protection;
            try
            {
                protection = new ToolKeyProtection(result.GetValue(encryptionKey) ?? Environment.GetEnvironmentVariable("Lti__KeyEncryptionKey"));
            }
            catch (InvalidOperationException exception)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.BadInput;
            }

            var kid = await new ToolKeyRing(dataSource, TimeProvider.System).RotateAsync(protection, cancellationToken);
            Console.WriteLine(kid);
            Console.Error.WriteLine($"key {kid} signs from now on; /.well-known/jwks.json serves it and the previous key.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command ListKeys(Option<string?> connection)
    {
        var command = new Command("list", "The served public keys (kid, created), newest (the signing one) first");
        command.SetAction((result, cancellationToken) => CliDatabase.RunAsync(result.GetValue(connection), async dataSource =>
        {
            foreach (var key in await new ToolKeyRing(dataSource, TimeProvider.System).PublicKeysAsync(cancellationToken))
            {
                Console.WriteLine($"{key.Kid}  {key.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command AddPlatform(Option<string?> connection)
    {
        Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };
        var source = Required("--source", "The webhook source whose submissions this platform grades (Grader-Source)");
        var issuer = Required("--issuer", "The platform's issuer (iss)");
        var clientId = Required("--client-id", "The client id the platform gave this tool");
        var deploymentId = Required("--deployment-id", "The deployment id");
        var tokenUrl = Required("--token-url", "The platform's OAuth2 token URL (https)");
        var audience = new Option<string?>("--audience") { Description = "The client assertion's aud, when not the token URL" };
        var command = new Command("add", "Register a platform") { source, issuer, clientId, deploymentId, tokenUrl, audience };
        command.SetAction((result, cancellationToken) => CliDatabase.RunAsync(result.GetValue(connection), async dataSource =>
        {
            if (LtiUrls.Problem(result.GetValue(tokenUrl), allowHttpLoopback: false) is { } why)
            {
                Console.Error.WriteLine($"error: --token-url {why}");
                return ExitCodes.BadInput;
            }

            var platform = new LtiPlatform(result.GetValue(source)!, result.GetValue(issuer)!, result.GetValue(clientId)!,
                result.GetValue(deploymentId)!, result.GetValue(tokenUrl)!, result.GetValue(audience), DateTimeOffset.UtcNow);
            if (!await new LtiPlatforms(dataSource, TimeProvider.System).AddAsync(platform, cancellationToken))
            {
                Console.Error.WriteLine($"error: the source '{platform.Source}' (or this issuer, client id and deployment id) has a platform already");
                return ExitCodes.BadInput;
            }

            Console.WriteLine($"platform for source {platform.Source} registered");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command ListPlatforms(Option<string?> connection)
    {
        var command = new Command("list", "The registered platforms");
        command.SetAction((result, cancellationToken) => CliDatabase.RunAsync(result.GetValue(connection), async dataSource =>
        {
            foreach (var p in await new LtiPlatforms(dataSource, TimeProvider.System).ListAsync(cancellationToken))
            {
                Console.WriteLine($"{p.Source}  iss={p.Issuer}  client={p.ClientId}  deployment={p.DeploymentId}  token={p.TokenUrl}"
                    + (p.Audience is null ? "" : $"  aud={p.Audience}"));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command MapLineItem(Option<string?> connection)
    {
        var source = new Option<string>("--source") { Description = "The webhook source (its platform)", Required = true };
        var course = new Option<string>("--course") { Required = true };
        var assignment = new Option<string>("--assignment") { Required = true };
        var lineItem = new Option<string>("--line-item") { Description = "The AGS line item URL (https)", Required = true };
        var command = new Command("map", "Map an assignment to a line item, once") { source, course, assignment, lineItem };
        command.SetAction((result, cancellationToken) => CliDatabase.RunAsync(result.GetValue(connection), async dataSource =>
        {
            if (LtiUrls.Problem(result.GetValue(lineItem), allowHttpLoopback: false) is { } why)
            {
                Console.Error.WriteLine($"error: --line-item {why}");
                return ExitCodes.BadInput;
            }

            var platforms = new LtiPlatforms(dataSource, TimeProvider.System);
            var map = new LtiLineItemMap(result.GetValue(source)!, result.GetValue(course)!, result.GetValue(assignment)!,
                result.GetValue(lineItem)!, DateTimeOffset.UtcNow);
            if (await platforms.FindAsync(map.Source, cancellationToken) is null)
            {
                Console.Error.WriteLine($"error: the source '{map.Source}' has no platform ('grader lti platforms add')");
                return ExitCodes.BadInput;
            }

            if (!await platforms.MapAsync(map, cancellationToken))
            {
                Console.Error.WriteLine($"error: {map.Course}/{map.Assignment} of {map.Source} is mapped to a line item already");
                return ExitCodes.BadInput;
            }

            Console.WriteLine($"{map.Course}/{map.Assignment} of {map.Source} → {map.LineItemUrl}");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command ListLineItems(Option<string?> connection)
    {
        var command = new Command("list", "The mapped assignments");
        command.SetAction((result, cancellationToken) => CliDatabase.RunAsync(result.GetValue(connection), async dataSource =>
        {
            foreach (var m in await new LtiPlatforms(dataSource, TimeProvider.System).ListMapsAsync(cancellationToken))
            {
                Console.WriteLine($"{m.Source}  {m.Course}/{m.Assignment}  {m.LineItemUrl}");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
