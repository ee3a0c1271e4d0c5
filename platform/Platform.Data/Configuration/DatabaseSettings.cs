using Microsoft.Extensions.Configuration;
using Platform.Abstractions.Configuration;

namespace Platform.Data.Configuration;

/// <summary>
/// Where the platform keeps its data, read the same way by the host and the CLI:
/// <c>Database:Provider</c>, <c>ConnectionStrings:Platform</c> and <c>Platform:DataDirectory</c>.
/// </summary>
public sealed record DatabaseSettings(IDatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string DefaultProvider = "Sqlite";

    public static DatabaseSettings Resolve(IConfiguration configuration, string contentRoot, IReadOnlyList<IDatabaseProvider> providers)
    {
        var dataDirectory = Path.GetFullPath(configuration["Platform:DataDirectory"] is { Length: > 0 } configured
            ? Path.Combine(contentRoot, configured)
            : Path.Combine(contentRoot, "App_Data"));

        var name = configuration["Database:Provider"] is { Length: > 0 } n ? n.Trim() : DefaultProvider;
        var provider = providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new PlatformConfigurationException(
                $"Unknown database provider '{name}' in Database:Provider. Valid providers: {string.Join(", ", providers.Select(p => p.Name))}.");

        var connectionString = configuration.GetConnectionString("Platform") is { Length: > 0 } cs
            ? cs
            : provider.DefaultConnectionString(dataDirectory)
              ?? throw new PlatformConfigurationException(
                  $"Database provider '{provider.Name}' needs a connection string in ConnectionStrings:Platform.");

        return new DatabaseSettings(provider, connectionString, dataDirectory);
    }
}
