using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Records.Importing;

namespace Platform.Data.Importing;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>, IEntityTypeConfiguration<ImportProblem>
{
    public void Configure(EntityTypeBuilder<ImportRun> run)
    {
        run.ToTable("ImportRuns");
        run.Property(r => r.Entity).HasMaxLength(64);
        run.Property(r => r.StartedBy).HasMaxLength(64);
        run.Property(r => r.Culture).HasMaxLength(16);
        run.Property(r => r.Status).HasMaxLength(16);
        run.Property(r => r.Message).HasMaxLength(1000);
        run.HasIndex(r => r.Status);
    }

    public void Configure(EntityTypeBuilder<ImportProblem> problem)
    {
        problem.ToTable("ImportProblems");
        problem.Property(p => p.Heading).HasMaxLength(200);
        problem.Property(p => p.Field).HasMaxLength(64);
        problem.Property(p => p.Message).HasMaxLength(1000);
        problem.HasIndex(p => new { p.RunId, p.Row });
        problem.HasOne<ImportRun>().WithMany().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
