using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Records.Exporting;

namespace Platform.Data.Exporting;

internal sealed class ExportRunConfiguration : IEntityTypeConfiguration<ExportRun>
{
    public void Configure(EntityTypeBuilder<ExportRun> run)
    {
        run.ToTable("ExportRuns");
        run.Property(r => r.Source).HasMaxLength(32);
        run.Property(r => r.Subject).HasMaxLength(64);
        run.Property(r => r.Format).HasMaxLength(8);
        run.Property(r => r.Title).HasMaxLength(200);
        run.Property(r => r.StartedBy).HasMaxLength(64);
        run.Property(r => r.Culture).HasMaxLength(16);
        run.Property(r => r.Status).HasMaxLength(16);
        run.Property(r => r.Message).HasMaxLength(1000);
        run.HasIndex(r => new { r.StartedBy, r.CreatedAt });
    }
}
