using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Security;

public sealed class StartupFailureTests
{
    [Fact]
    public async Task An_unknown_database_provider_stops_start_up_with_the_valid_ones()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var host = PlatformHost.Unstarted(database, ("Database:Provider", "Access"));

        var error = Assert.ThrowsAny<Exception>(() => host.Server).GetBaseException();

        Assert.Equal("Unknown database provider 'Access' in Database:Provider. Valid providers: Sqlite, PostgreSql, SqlServer.", error.Message);
    }
}
