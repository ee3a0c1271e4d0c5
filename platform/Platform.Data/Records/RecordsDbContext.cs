using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Records;

/// <summary>
/// The record tables of one <see cref="RecordsSchema"/>: each entity is a shared-type entity of
/// property bags (<c>Dictionary&lt;string, object&gt;</c>) mapped to its table.
/// </summary>
public sealed class RecordsDbContext(DbContextOptions<RecordsDbContext> options, RecordsSchema schema) : DbContext(options)
{
    public RecordsSchema Schema { get; } = schema;

    /// <summary>Records to insert on the next save (with <see cref="RecordInserter"/>, not tracked): new records and their new lines, parents first.</summary>
    public List<(Core.Metadata.EntityDefinition Entity, Dictionary<string, object> Row)> NewRows { get; } = [];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        RecordsModel.Build(modelBuilder, Schema);
        DateBucketFunctions.Register(modelBuilder, Database.ProviderName);
        DecimalUnitFunctions.Register(modelBuilder, Database.ProviderName);
        ScannedKeyFunctions.Register(modelBuilder, Database.ProviderName);
    }

    /// <summary>
    /// SQLite has no type for moments: EF Core stores them as text but refuses to sort or compare them. Mapped as that same text
    /// (<c>2026-03-05 02:30:00+00:00</c>) they sort and compare in time order, since every moment is stored in UTC.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToStringConverter>();
        }
    }
}
