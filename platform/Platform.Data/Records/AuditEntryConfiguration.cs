using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Records;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.ToTable("AuditEntries");
        audit.Property(a => a.EntityKey).HasMaxLength(64);
        audit.Property(a => a.Action).HasMaxLength(16);
        audit.Property(a => a.Field).HasMaxLength(64);
        audit.Property(a => a.UserId).HasMaxLength(64);
        audit.Property(a => a.UserName).HasMaxLength(256);
        audit.HasIndex(a => new { a.EntityKey, a.RecordId });
        audit.HasIndex(a => new { a.EntityKey, a.At });
        audit.HasIndex(a => a.ParentRecordId);
    }
}
