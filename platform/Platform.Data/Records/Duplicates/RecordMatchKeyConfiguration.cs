using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Records.Duplicates;

internal sealed class RecordMatchKeyConfiguration : IEntityTypeConfiguration<RecordMatchKey>, IEntityTypeConfiguration<RecordMatchPair>
{
    public void Configure(EntityTypeBuilder<RecordMatchKey> key)
    {
        key.ToTable("RecordMatchKeys");
        key.Property(k => k.EntityKey).HasMaxLength(64);
        key.Property(k => k.Rule).HasMaxLength(64);
        key.Property(k => k.Key).HasMaxLength(Platform.Core.Records.Duplicates.MatchKeys.Longest * 2);
        key.HasIndex(k => new { k.EntityKey, k.Rule, k.Key });

        // Record first, here and for the pairs: led by the entity, such an index lets a database without statistics (a fresh
        // SQLite file) walk every key of the entity rather than look up the few records asked for.
        key.HasIndex(k => new { k.RecordId, k.EntityKey, k.Rule });
    }

    public void Configure(EntityTypeBuilder<RecordMatchPair> pair)
    {
        pair.ToTable("RecordMatchPairs");
        pair.Property(p => p.EntityKey).HasMaxLength(64);
        pair.Property(p => p.Rule).HasMaxLength(64);
        pair.Property(p => p.Pair).HasMaxLength(16);
        pair.HasIndex(p => new { p.EntityKey, p.Rule, p.Pair, p.RecordId });
        pair.HasIndex(p => new { p.RecordId, p.EntityKey });
    }
}
