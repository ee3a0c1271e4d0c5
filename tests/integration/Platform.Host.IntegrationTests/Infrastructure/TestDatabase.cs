using Npgsql;

namespace Platform.Host.IntegrationTests.Infrastructure;

/// <summary>
/// A database of its own for one host: a SQLite file in a temp folder, or a fresh database on the
/// PostgreSQL server the test command starts (<c>PLATFORM_TEST_POSTGRES</c>). Dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PLATFORM_TEST_POSTGRES";

    private readonly string? _postgresName;

    private TestDatabase(string provider, string dataDirectory, string? connectionString, string? postgresName)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    public string Provider { get; }

    public string DataDirectory { get; }

    public string? ConnectionString { get; }

    public static TheoryData<string> Providers => new("Sqlite", "PostgreSql");

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>Skips the calling test when PostgreSQL is asked for and the test command did not start one.</summary>
    public static void SkipUnlessAvailable(string provider) =>
        Skip.If(provider == "PostgreSql" && PostgresServer is null,
            $"PostgreSQL tests need {PostgresVariable} (scripts/test.sh starts a server and sets it).");

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        SkipUnlessAvailable(provider);
        var directory = Directory.CreateTempSubdirectory("platform-test-").FullName;
        if (provider != "PostgreSql")
        {
            return new TestDatabase(provider, directory, null, null);
        }

        var name = $"platform_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name };
        return new TestDatabase(provider, directory, builder.ConnectionString, name);
    }

    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Database:Provider", Provider);
        yield return new("Platform:DataDirectory", DataDirectory);
        if (ConnectionString is not null)
        {
            yield return new("ConnectionStrings:Platform", ConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
