using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.Bpmn.Storage;

namespace Platform.Data.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context for this provider; never used at run time.</summary>
public sealed class DesignTimePlatformDbContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        new PostgreSqlDatabaseProvider().Configure(options, "Host=localhost;Database=design_time");
        options.UseModelParts(new WorkflowTables(), new Platform.Stock.Storage.StockTables()); // the engine's tables are in the migrations too
        return new PlatformDbContext(options.Options);
    }
}
