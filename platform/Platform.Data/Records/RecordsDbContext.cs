using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Records;

/// <summary>
/// The record tables of one <see cref="RecordsSchema"/>: each entity is a shared-type entity of
/// property bags (<c>Dictionary&lt;string, object&gt;</c>) mapped to its table.
/// </summary>
/// <remarks>
/// Contexts that write records also map the audit table (<see cref="WithAudit"/>), so a record and its
/// audit entries go to the database in one SaveChanges; contexts that change the schema do not, so the
/// audit table never appears in their DDL.
/// </remarks>
public sealed class RecordsDbContext(DbContextOptions<RecordsDbContext> options, RecordsSchema schema, bool withAudit = false) : DbContext(options)
{
    public RecordsSchema Schema { get; } = schema;

    public bool WithAudit { get; } = withAudit;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        RecordsModel.Build(modelBuilder, Schema);
        if (WithAudit)
        {
            modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        }
    }
}
