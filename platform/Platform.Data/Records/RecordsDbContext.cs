using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Records;

/// <summary>
/// The record tables of one <see cref="RecordsSchema"/>: each entity is a shared-type entity of
/// property bags (<c>Dictionary&lt;string, object&gt;</c>) mapped to its table.
/// </summary>
public sealed class RecordsDbContext(DbContextOptions<RecordsDbContext> options, RecordsSchema schema) : DbContext(options)
{
    public RecordsSchema Schema { get; } = schema;

    protected override void OnModelCreating(ModelBuilder modelBuilder) => RecordsModel.Build(modelBuilder, Schema);
}
