using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Records;

internal sealed class StoredEntityDefinitionConfiguration : IEntityTypeConfiguration<StoredEntityDefinition>
{
    public void Configure(EntityTypeBuilder<StoredEntityDefinition> entity)
    {
        entity.ToTable("EntityDefinitions");
        entity.HasKey(e => e.Key);
        entity.Property(e => e.Key).HasMaxLength(64);
        entity.Property(e => e.Document).IsRequired();
        entity.Property(e => e.UpdatedBy).HasMaxLength(256);
        entity.Property(e => e.Version).IsConcurrencyToken();
    }
}
