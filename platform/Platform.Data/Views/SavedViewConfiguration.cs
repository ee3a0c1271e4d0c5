using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Views;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> view)
    {
        view.ToTable("SavedViews");
        view.Property(v => v.EntityKey).HasMaxLength(64);
        view.Property(v => v.OwnerId).HasMaxLength(64);
        view.Property(v => v.Label).HasMaxLength(100);
        view.Property(v => v.UpdatedBy).HasMaxLength(256);
        view.Property(v => v.Source).HasMaxLength(400);
        view.HasIndex(v => new { v.EntityKey, v.OwnerId });
    }
}
