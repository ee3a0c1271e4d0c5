using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Platform.Data.Configuration;

namespace Platform.Data.Records;

/// <summary>
/// Creates record contexts on the platform database's connection, so both share one transaction.
/// The options are built once (a context is created for every record operation); each context is
/// then pointed at the caller's open connection.
/// </summary>
public sealed class RecordsDbContextFactory
{
    private readonly DbContextOptions<RecordsDbContext> _options;

    public RecordsDbContextFactory(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<RecordsDbContext>();
        settings.Provider.Configure(options, settings.ConnectionString);
        options.ReplaceService<IModelCacheKeyFactory, RecordsModelCacheKeyFactory>();
        _options = options.Options;
    }

    public RecordsDbContext Create(DbConnection connection, RecordsSchema schema)
    {
        var context = new RecordsDbContext(_options, schema);
        context.Database.SetDbConnection(connection, contextOwnsConnection: false);
        return context;
    }
}
