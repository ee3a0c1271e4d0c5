using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Platform.Data.Configuration;

namespace Platform.Data.Records;

/// <summary>Creates record contexts on the platform database's connection, so both share one transaction.</summary>
public sealed class RecordsDbContextFactory(DatabaseSettings settings)
{
    public RecordsDbContext Create(DbConnection connection, RecordsSchema schema)
    {
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        settings.Provider.ConfigureOnConnection(options, connection);
        options.ReplaceService<IModelCacheKeyFactory, RecordsModelCacheKeyFactory>();
        return new RecordsDbContext(options.Options, schema);
    }
}
