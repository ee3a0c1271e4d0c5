using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Menus;

internal sealed class AppMenuConfiguration : IEntityTypeConfiguration<AppMenu>
{
    public void Configure(EntityTypeBuilder<AppMenu> menu)
    {
        menu.ToTable("AppMenus");
        menu.Property(m => m.Source).HasMaxLength(400);
        menu.Property(m => m.UpdatedBy).HasMaxLength(256);
        menu.HasIndex(m => m.Source).IsUnique();
    }
}
