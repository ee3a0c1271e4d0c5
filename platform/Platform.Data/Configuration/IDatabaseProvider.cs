using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Configuration;

/// <summary>
/// One supported database. Each lives in its own assembly together with its migrations
/// (EF Core's multi-provider pattern), so a provider's SQL never leaks into another's.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>The value of <c>Database:Provider</c> that selects it.</summary>
    string Name { get; }

    void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>Configures a context of record tables on an open connection (shared with the platform context's transaction).</summary>
    void ConfigureOnConnection(DbContextOptionsBuilder options, System.Data.Common.DbConnection connection);

    /// <summary>The connection string used when none is configured, or null when one is required.</summary>
    string? DefaultConnectionString(string dataDirectory);

    /// <summary>Database settings the provider wants once the tables exist (SQLite: write-ahead logging); nothing by default.</summary>
    Task PrepareAsync(DbContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether <paramref name="failure"/> says the database stayed busy with another change (locked), not that something is wrong.</summary>
    bool IsBusy(System.Data.Common.DbException failure) => failure.IsTransient;
}
