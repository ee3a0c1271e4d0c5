using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;

namespace Platform.Host.IntegrationTests.Data;

/// <summary>Each provider keeps its own migrations; they must match the model and produce the platform tables.</summary>
public sealed class MigrationTests
{
    private static readonly string[] PlatformTables = ["AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetRoleClaims", "Departments", "ApiTokens", "DataProtectionKeys"];

    public static TheoryData<string> AllProviders => new("Sqlite", "PostgreSql", "SqlServer");

    private static PlatformDbContext DesignTimeContext(string provider) => provider switch
    {
        "Sqlite" => new Platform.Data.Sqlite.DesignTimePlatformDbContextFactory().CreateDbContext([]),
        "PostgreSql" => new Platform.Data.PostgreSql.DesignTimePlatformDbContextFactory().CreateDbContext([]),
        "SqlServer" => new Platform.Data.SqlServer.DesignTimePlatformDbContextFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    [Theory]
    [MemberData(nameof(AllProviders))]
    public void The_migrations_of_every_provider_match_the_model(string provider)
    {
        using var db = DesignTimeContext(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations lag behind the model: run scripts/add-migration.sh.");
    }

    [Fact]
    public void The_sql_server_script_creates_every_platform_table_in_sql_server_syntax()
    {
        using var db = DesignTimeContext("SqlServer");

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in PlatformTables)
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.Contains("[__EFMigrationsHistory]", script, StringComparison.Ordinal);
        Assert.Contains("nvarchar", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_ApiTokens_Hash]", script, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTOINCREMENT", script, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Infrastructure.TestDatabase.Providers), MemberType = typeof(Infrastructure.TestDatabase))]
    public async Task Start_up_applies_the_migrations_to_an_empty_database(string provider)
    {
        await using var host = await Infrastructure.PlatformHost.StartAsync(provider);

        var (applied, pending, users) = await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            return ((await db.Database.GetAppliedMigrationsAsync()).Count(), (await db.Database.GetPendingMigrationsAsync()).Count(), await db.Users.CountAsync());
        });

        Assert.True(applied > 0);
        Assert.Equal(0, pending);
        Assert.Equal(1, users);
    }
}
