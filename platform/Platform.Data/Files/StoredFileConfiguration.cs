using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Files;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> file)
    {
        file.ToTable("StoredFiles");
        file.Property(f => f.Name).HasMaxLength(255);
        file.Property(f => f.ContentType).HasMaxLength(100);
        file.Property(f => f.Sha256).HasMaxLength(64);
        file.Property(f => f.Path).HasMaxLength(200);
        file.Property(f => f.Store).HasMaxLength(16).HasDefaultValue(FileStores.Disk);
        file.Property(f => f.UploadedBy).HasMaxLength(64);
        file.Property(f => f.EntityKey).HasMaxLength(64);
        file.Property(f => f.FieldName).HasMaxLength(64);
        file.HasIndex(f => new { f.EntityKey, f.RecordId });
        // The sweeper asks "which uploads are still unattached since when".
        file.HasIndex(f => new { f.RecordId, f.UploadedAt });
    }
}

internal sealed class StoredFileChunkConfiguration : IEntityTypeConfiguration<StoredFileChunk>
{
    public void Configure(EntityTypeBuilder<StoredFileChunk> chunk)
    {
        chunk.ToTable("StoredFileChunks");
        chunk.HasKey(c => new { c.FileId, c.Number });
    }
}
