using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Jobs;

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> job)
    {
        job.ToTable("BackgroundJobs");
        job.Property(j => j.Kind).HasMaxLength(64);
        job.Property(j => j.Subject).HasMaxLength(200);
        job.Property(j => j.State).HasMaxLength(16);
        job.Property(j => j.LeaseOwner).HasMaxLength(200);
        job.Property(j => j.Error).HasMaxLength(4000);
        job.Property(j => j.RequestedBy).HasMaxLength(64);
        // The runners ask "which can I take up now".
        job.HasIndex(j => new { j.State, j.NotBefore });
        job.HasIndex(j => j.Subject);
    }
}
