using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Records.Sharing;

namespace Platform.Data.Records;

internal sealed class RecordShareConfiguration : IEntityTypeConfiguration<RecordShare>
{
    public void Configure(EntityTypeBuilder<RecordShare> share)
    {
        share.ToTable("RecordShares");
        share.Property(s => s.EntityKey).HasMaxLength(64);
        share.Property(s => s.UserId).HasMaxLength(64);
        share.Property(s => s.DepartmentId).HasMaxLength(64);
        share.Property(s => s.SharedBy).HasMaxLength(64);
        share.HasIndex(s => new { s.EntityKey, s.RecordId });
        share.HasIndex(s => s.UserId);
        share.HasIndex(s => s.DepartmentId);
    }
}
