using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Security;

namespace Platform.Data.Identity;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> department)
    {
        department.ToTable("Departments");
        department.Property(d => d.Id).HasMaxLength(64);
        department.Property(d => d.Name).HasMaxLength(200).IsRequired();
        department.Property(d => d.Code).HasMaxLength(64);
        department.Property(d => d.ParentId).HasMaxLength(64);
        department.HasIndex(d => d.Code).IsUnique();
        // A department with children cannot be deleted out from under them: the admin moves them first.
        department.HasOne(d => d.Parent).WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        department.HasOne(d => d.Manager).WithMany().HasForeignKey(d => d.ManagerId).OnDelete(DeleteBehavior.SetNull);
    }
}
