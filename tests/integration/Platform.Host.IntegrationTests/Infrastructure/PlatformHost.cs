using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Host.IntegrationTests.Infrastructure;

/// <summary>The real host (its Program, modules and middleware) on a test database, in Production mode.</summary>
public sealed class PlatformHost : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-passw0rd";

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings;

    private PlatformHost(TestDatabase database, bool ownsDatabase, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string?>(database.Settings()) 
        {
            ["Platform:Admin:Password"] = AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    public TestDatabase Database => _database;

    /// <summary>The host's clock: tests move it forward to make timers fall due.</summary>
    public MovableClock Clock { get; } = new();

    /// <summary>Starts a host on a fresh database of <paramref name="provider"/>, dropped when the host is disposed.</summary>
    public static async Task<PlatformHost> StartAsync(string provider, params (string Key, string? Value)[] settings)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return Started(new PlatformHost(database, ownsDatabase: true, settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))));
    }

    /// <summary>Starts a host whose services <paramref name="services"/> adjusts (e.g. a counting stand-in to observe a call).</summary>
    public static async Task<PlatformHost> StartAsync(string provider, Action<IServiceCollection> services, params (string Key, string? Value)[] settings)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return Started(new PlatformHost(database, ownsDatabase: true, settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))) { _extraServices = services });
    }

    private Action<IServiceCollection>? _extraServices;

    /// <summary>Starts a host on an existing database (kept when the host is disposed), e.g. to restart.</summary>
    public static PlatformHost Start(TestDatabase database, params (string Key, string? Value)[] settings) =>
        Started(new PlatformHost(database, ownsDatabase: false, settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))));

    /// <summary>Builds a host without starting it, for tests of start-up failures.</summary>
    public static PlatformHost Unstarted(TestDatabase database, params (string Key, string? Value)[] settings) =>
        new(database, ownsDatabase: false, settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));

    private static PlatformHost Started(PlatformHost host)
    {
        _ = host.Server; // start now, so start-up errors surface in the test that caused them
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            _extraServices?.Invoke(services);
        });
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient CreateAnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <param name="timeout">How long a request may take (100 s unless given: a test streaming large files on a loaded machine needs longer).</param>
    public async Task<HttpClient> CreateClientForAsync(string userName, string password, TimeSpan? timeout = null)
    {
        var client = CreateAnonymousClient();
        client.Timeout = timeout ?? client.Timeout;
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<HttpClient> CreateAdminClientAsync(TimeSpan? timeout = null) => CreateClientForAsync("admin", AdminPassword, timeout);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }

    public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);
}
