using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Records.Ocr;

namespace Platform.Data.Ocr;

internal sealed class StoredFormTemplateConfiguration : IEntityTypeConfiguration<StoredFormTemplate>
{
    public void Configure(EntityTypeBuilder<StoredFormTemplate> template)
    {
        template.ToTable("OcrTemplates");
        template.Property(t => t.Name).HasMaxLength(64);
        template.HasIndex(t => t.Name).IsUnique();
        template.Property(t => t.Source).HasMaxLength(400);
        template.Property(t => t.UpdatedBy).HasMaxLength(64);
        template.Property(t => t.DraftSavedBy).HasMaxLength(64);
        template.Ignore(t => t.IsPublished);
    }
}

internal sealed class ScanBatchConfiguration : IEntityTypeConfiguration<ScanBatch>
{
    public void Configure(EntityTypeBuilder<ScanBatch> batch)
    {
        batch.ToTable("OcrBatches");
        batch.Property(b => b.Name).HasMaxLength(200);
        batch.Property(b => b.TemplateName).HasMaxLength(64);
        batch.Property(b => b.State).HasMaxLength(16);
        batch.Property(b => b.CreatedBy).HasMaxLength(64);
    }
}

internal sealed class ScanFileConfiguration : IEntityTypeConfiguration<ScanFile>
{
    public void Configure(EntityTypeBuilder<ScanFile> file)
    {
        file.ToTable("OcrBatchFiles");
        file.Property(f => f.FileName).HasMaxLength(260);
        file.Property(f => f.Refusal).HasMaxLength(32);
        file.HasIndex(f => new { f.BatchId, f.Ordinal }).IsUnique();
        file.HasOne<ScanBatch>().WithMany().HasForeignKey(f => f.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScannedPageConfiguration : IEntityTypeConfiguration<ScannedPage>
{
    public void Configure(EntityTypeBuilder<ScannedPage> page)
    {
        page.ToTable("OcrPages");
        page.Property(p => p.State).HasMaxLength(16);
        page.Property(p => p.Reason).HasMaxLength(1000);
        page.Property(p => p.ReasonCode).HasMaxLength(32);
        page.Property(p => p.Warnings).HasMaxLength(400);
        page.Property(p => p.RecordKey).HasMaxLength(64);
        page.Property(p => p.RecordProblems).HasMaxLength(4000);
        // One record per sheet: a second page with the same key (a sheet scanned twice) cannot take it too.
        page.HasIndex(p => p.RecordKey).IsUnique();
        page.HasIndex(p => new { p.BatchId, p.Ordinal }).IsUnique();
        page.HasIndex(p => new { p.BatchId, p.State });
        page.HasOne<ScanFile>().WithMany().HasForeignKey(p => p.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReadCellConfiguration : IEntityTypeConfiguration<ReadCell>
{
    public void Configure(EntityTypeBuilder<ReadCell> cell)
    {
        cell.ToTable("OcrCells");
        cell.Property(c => c.Path).HasMaxLength(128);
        cell.Property(c => c.Field).HasMaxLength(64);
        cell.Property(c => c.Kind).HasMaxLength(16);
        cell.Property(c => c.Value).HasMaxLength(400);
        cell.Property(c => c.Corrected).HasMaxLength(400);
        cell.Property(c => c.Flags).HasMaxLength(400);
        cell.Property(c => c.ConfirmedBy).HasMaxLength(64);
        cell.HasIndex(c => new { c.PageId, c.Path }).IsUnique();
        // Vertical proofreading asks for one field's cells across a batch.
        cell.HasIndex(c => new { c.BatchId, c.Field });
        cell.HasOne<ScannedPage>().WithMany().HasForeignKey(c => c.PageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CellCorrectionConfiguration : IEntityTypeConfiguration<CellCorrection>
{
    public void Configure(EntityTypeBuilder<CellCorrection> correction)
    {
        correction.ToTable("OcrCorrections");
        correction.Property(c => c.From).HasMaxLength(400);
        correction.Property(c => c.To).HasMaxLength(400);
        correction.Property(c => c.By).HasMaxLength(64);
        correction.Property(c => c.How).HasMaxLength(16);
        correction.HasIndex(c => c.BatchId);
        correction.HasIndex(c => c.CellId);
    }
}
