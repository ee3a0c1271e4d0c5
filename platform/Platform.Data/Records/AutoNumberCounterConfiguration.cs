using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Records;

internal sealed class AutoNumberCounterConfiguration : IEntityTypeConfiguration<AutoNumberCounter>
{
    public void Configure(EntityTypeBuilder<AutoNumberCounter> counter)
    {
        counter.ToTable("AutoNumberCounters");
        counter.HasKey(c => c.Key);
        counter.Property(c => c.Key).HasMaxLength(200);
    }
}
