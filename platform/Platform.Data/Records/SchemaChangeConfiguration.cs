using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Records;

internal sealed class SchemaChangeConfiguration : IEntityTypeConfiguration<SchemaChange>
{
    public void Configure(EntityTypeBuilder<SchemaChange> change)
    {
        change.ToTable("SchemaChanges");
        change.Property(c => c.EntityKey).HasMaxLength(64);
        change.Property(c => c.ChangedBy).HasMaxLength(256);
        change.HasIndex(c => new { c.EntityKey, c.Version }).IsUnique();
    }
}
