using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Api.Submissions;
using Grader.Contracts;
using Grader.Data.Access;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>
/// One isolated Grader: a fresh PostgreSQL database and RabbitMQ vhost (on the shared containers, or on containers of its
/// own), the API in process, and as many worker processes as a test starts. Disposing kills the workers and drops the
/// database and the vhost (or removes its own containers).
/// </summary>
public sealed class ServiceStack : IAsyncDisposable
{
    public const string Source = "test-lms";
    public const string Secret = "integration-secret";

    /// <summary>The variant salt API and workers share (<c>Variants:Salt</c>).</summary>
    public const string VariantSalt = "integration-variant-salt";

    /// <summary>The API's <c>Sessions:KeyEncryptionKey</c> (32 bytes, base64), required outside Development.</summary>
    public const string SessionKeyEncryptionKey = "aW50ZWdyYXRpb24tc2Vzc2lvbi1rZXktMzItYnl0ZXM=";
    private static int _counter;

    private readonly string _database;
    private readonly RabbitMqAdmin _rabbit;
    private readonly bool _ownsServers;
    private readonly List<WorkerProcess> _workers = [];
    private readonly ApiFactory _api;

    private readonly string _problemsDirectory;

    private ServiceStack(TestServers servers, bool ownsServers, string name, string problemsDirectory,
        IReadOnlyDictionary<string, string>? apiSettings, Action<IServiceCollection>? apiServices, bool realServer)
    {
        Servers = servers;
        _ownsServers = ownsServers;
        _rabbit = new RabbitMqAdmin(servers.RabbitHttpPort);
        _database = name;
        _problemsDirectory = problemsDirectory;
        VirtualHost = name;
        Db = NpgsqlDataSource.Create(servers.ConnectionString(name));
        var settings = new Dictionary<string, string>(BaseSettings())
        {
            [$"Webhooks:Sources:{Source}:Secret"] = Secret,
        };
        foreach (var (key, value) in apiSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        _api = new ApiFactory(settings.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => kv.Value), apiServices);
        if (realServer)
        {
            // Kestrel on a free loopback port instead of the in-memory server, for clients outside the process (a browser).
            _api.UseKestrel(0);
        }

        Http = _api.CreateClient();
        Webhook = new WebhookClient(Http, Source, Secret);
    }

    /// <summary>The containers this stack runs on; only a stack's own may be stopped (<see cref="Database"/>, <see cref="Broker"/>).</summary>
    public TestServers Servers { get; }
    public string VirtualHost { get; }
    public NpgsqlDataSource Db { get; }
    public string ConnectionString => Servers.ConnectionString(_database);
    public HttpClient Http { get; }

    /// <summary>Where <see cref="Http"/> sends requests: a real <c>http://127.0.0.1:port/</c> when started with <c>realServer</c>.</summary>
    public Uri BaseAddress => Http.BaseAddress!;

    /// <summary>The in-process API's services (its endpoints, its policies).</summary>
    public IServiceProvider ApiServices => _api.Services;
    public WebhookClient Webhook { get; }

    /// <param name="problemsDirectory">The problems folder of the API and the workers (default: the repository's).</param>
    /// <param name="apiSettings">Extra API settings such as <c>Regrade__BatchSize</c>.</param>
    /// <param name="ownServers">
    /// Containers of its own instead of the shared ones: required to stop a server (an outage test), so the outage cannot
    /// reach any other test's connections. Costs a few seconds of container start.
    /// </param>
    /// <param name="apiServices">Extra registrations in the API's services (a log sink of a test).</param>
    /// <param name="realServer">Serve the API on a real loopback port (<see cref="BaseAddress"/>), as the browser tests need.</param>
    public static async Task<ServiceStack> StartAsync(string? problemsDirectory = null,
        IReadOnlyDictionary<string, string>? apiSettings = null, bool ownServers = false, Action<IServiceCollection>? apiServices = null,
        bool realServer = false)
    {
        var servers = ownServers ? await TestServers.StartAsync() : await TestServers.SharedAsync();
        var name = string.Create(CultureInfo.InvariantCulture,
            $"grader_it_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}_{DateTime.UtcNow:HHmmss}");
        try
        {
            await using var admin = NpgsqlDataSource.Create(servers.ConnectionString("postgres"));
            await using var create = admin.CreateCommand($"create database \"{name}\"");
            await create.ExecuteNonQueryAsync();
        }
        catch when (ownServers)
        {
            await servers.DisposeAsync();
            throw;
        }

        var stack = new ServiceStack(servers, ownServers, name, problemsDirectory ?? TestServers.ProblemsDirectory, apiSettings,
            apiServices, realServer);
        try
        {
            await stack._rabbit.CreateVhostAsync(name);
            // The first request builds the host, which migrates the database before serving.
            (await stack.Http.GetAsync("/health/live")).EnsureSuccessStatusCode();
            // Tests that are not about access control read with an admin key.
            stack.Http.DefaultRequestHeaders.Authorization = new("Bearer", await stack.CreateApiKeyAsync(ApiKeyRole.Admin));
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Issues a key directly in the database, as <c>grader keys create</c> does; returns the token.</summary>
    public async Task<string> CreateApiKeyAsync(ApiKeyRole role, params string[] courses) => (await IssueApiKeyAsync(role, courses)).Token;

    public Task<IssuedApiKey> IssueApiKeyAsync(ApiKeyRole role, params string[] courses) =>
        Keys.CreateAsync($"test {role}", role, courses, CancellationToken.None);

    public ApiKeyStore Keys => new(Db, TimeProvider.System);

    /// <summary>A client of the in-process API sending <c>Authorization: Bearer</c> with <paramref name="apiKey"/>, or no key.</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = _api.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>Starts a worker process; <paramref name="overrides"/> are environment variables such as <c>Worker__PrefetchCount</c>.</summary>
    public WorkerProcess StartWorker(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = new Dictionary<string, string>(BaseSettings())
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__Format"] = "json",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var log = Path.Combine(AppContext.BaseDirectory, $"{VirtualHost}-worker-{_workers.Count + 1}.log");
        var worker = WorkerProcess.Start(environment, log);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>
    /// Starts a second API instance as a process on this stack's database and vhost (<see cref="ApiProcess"/>), with the
    /// in-process API's settings; <paramref name="overrides"/> are environment variables such as <c>HOME</c>.
    /// </summary>
    public Task<ApiProcess> StartApiProcessAsync(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = new Dictionary<string, string>(BaseSettings())
        {
            [$"Webhooks__Sources__{Source}__Secret"] = Secret,
            ["Sessions__KeyEncryptionKey"] = SessionKeyEncryptionKey,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__Format"] = "json",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return ApiProcess.StartAsync(environment, Path.Combine(AppContext.BaseDirectory, $"{VirtualHost}-api-{Guid.NewGuid():N}.log"));
    }

    public async Task WaitForConsumersAsync(int count, TimeSpan? timeout = null, string queue = QueueNames.GradeSubmission)
    {
        await Eventually.HoldsAsync(
            async () => await _rabbit.ConsumerCountAsync(VirtualHost, queue) >= count,
            timeout ?? TimeSpan.FromSeconds(60), $"{count} consumer(s) on {queue}");
    }

    public RabbitMqAdmin Rabbit => _rabbit;

    public async Task<SubmissionView> GetSubmissionAsync(Guid id) =>
        (await Http.GetFromJsonAsync<SubmissionView>($"/api/v1/submissions/{id}", Json))!;

    public async Task<SubmissionView> WaitForStatusAsync(Guid id, string status, TimeSpan timeout)
    {
        SubmissionView? last = null;
        await Eventually.HoldsAsync(async () => (last = await GetSubmissionAsync(id)).Status == status, timeout,
            $"submission {id} to become {status}");
        return last!;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = Db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        await _api.DisposeAsync();
        await Db.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_ownsServers)
        {
            _rabbit.Dispose();
            await Servers.DisposeAsync();
            return;
        }

        await using (var admin = NpgsqlDataSource.Create(Servers.ConnectionString("postgres")))
        {
            await using var drop = admin.CreateCommand($"drop database if exists \"{_database}\" with (force)");
            await drop.ExecuteNonQueryAsync();
        }

        await _rabbit.DeleteVhostAsync(VirtualHost);
        _rabbit.Dispose();
    }

    // Shared by the API (as settings) and workers (as environment variables); the sweeper is fast so tests stay short.
    private IReadOnlyDictionary<string, string> BaseSettings() => new Dictionary<string, string>
    {
        ["ConnectionStrings__Grader"] = Servers.ConnectionString(_database),
        ["RabbitMq__Host"] = "127.0.0.1",
        ["RabbitMq__Port"] = Servers.AmqpPort.ToString(CultureInfo.InvariantCulture),
        ["RabbitMq__VirtualHost"] = VirtualHost,
        ["Problems__Directory"] = _problemsDirectory,
        ["Variants__Salt"] = VariantSalt,
        ["Sweeper__Interval"] = "00:00:01",
        ["Sweeper__QueuedAge"] = "00:00:03",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Grader"] = "Information",
    };
}
