using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Packages;

internal sealed class InstalledAppPackageConfiguration : IEntityTypeConfiguration<InstalledAppPackage>, IEntityTypeConfiguration<AppPackageItem>
{
    public void Configure(EntityTypeBuilder<InstalledAppPackage> package)
    {
        package.ToTable("AppPackages");
        package.HasKey(p => p.Name);
        package.Property(p => p.Name).HasMaxLength(100);
        package.Property(p => p.Version).HasMaxLength(40);
        package.Property(p => p.Description).HasMaxLength(2000);
        package.Property(p => p.Dependencies).HasMaxLength(2000);
        package.Property(p => p.UpdatedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<AppPackageItem> item)
    {
        item.ToTable("AppPackageItems");
        item.Property(i => i.Package).HasMaxLength(100);
        item.Property(i => i.Item).HasMaxLength(400);
        item.Property(i => i.Version).HasMaxLength(40);
        item.Property(i => i.PackageHash).HasMaxLength(64);
        item.Property(i => i.AppliedHash).HasMaxLength(64);
        item.HasIndex(i => new { i.Package, i.Item }).IsUnique();
    }
}
