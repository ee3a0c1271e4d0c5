using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Records.Reports;

namespace Platform.Data.Reports;

internal sealed class SavedReportConfiguration : IEntityTypeConfiguration<SavedReport>
{
    public void Configure(EntityTypeBuilder<SavedReport> report)
    {
        report.ToTable("SavedReports");
        report.Property(r => r.Kind).HasMaxLength(16);
        report.Property(r => r.EntityKey).HasMaxLength(64);
        report.Property(r => r.OwnerId).HasMaxLength(64);
        report.Property(r => r.Label).HasMaxLength(100);
        report.Property(r => r.UpdatedBy).HasMaxLength(256);
        report.Property(r => r.Source).HasMaxLength(400);
        report.HasIndex(r => new { r.Kind, r.OwnerId });
    }
}
