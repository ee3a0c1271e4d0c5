using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Bpmn.Storage;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> instance)
    {
        instance.ToTable("WorkflowInstances");
        instance.Property(i => i.ProcessKey).HasMaxLength(200);
        instance.Property(i => i.Status).HasMaxLength(20);
        instance.Property(i => i.Entity).HasMaxLength(64);
        instance.Property(i => i.Initiator).HasMaxLength(256);
        instance.Property(i => i.Error).HasMaxLength(4000);
        instance.Property(i => i.RowVersion).IsConcurrencyToken();
        instance.HasIndex(i => new { i.Entity, i.RecordId });
        instance.HasIndex(i => i.Status);
        instance.HasIndex(i => i.ParentId);
    }
}

internal sealed class WorkflowTaskConfiguration : IEntityTypeConfiguration<WorkflowTask>
{
    public void Configure(EntityTypeBuilder<WorkflowTask> task)
    {
        task.ToTable("WorkflowTasks");
        task.Property(t => t.ElementId).HasMaxLength(200);
        task.Property(t => t.Name).HasMaxLength(400);
        task.Property(t => t.Assignee).HasMaxLength(256);
        task.Property(t => t.CandidateUsers).HasMaxLength(4000);
        task.Property(t => t.CandidateRoles).HasMaxLength(4000);
        task.Property(t => t.Outcome).HasMaxLength(40);
        task.Property(t => t.Comment).HasMaxLength(4000);
        task.Property(t => t.CompletedBy).HasMaxLength(256);
        task.Property(t => t.ProcessKey).HasMaxLength(200);
        task.Property(t => t.Entity).HasMaxLength(64);
        task.HasIndex(t => new { t.IsOpen, t.Assignee });
        task.HasIndex(t => t.InstanceId);
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> timer)
    {
        timer.ToTable("WorkflowTimers");
        timer.HasKey(t => new { t.InstanceId, t.TimerId });
        timer.Property(t => t.TimerId).HasMaxLength(40);
        timer.HasIndex(t => t.DueAt);
    }
}

internal sealed class WorkflowStartTimerConfiguration : IEntityTypeConfiguration<WorkflowStartTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowStartTimer> timer)
    {
        timer.ToTable("WorkflowStartTimers");
        timer.HasKey(t => new { t.ProcessKey, t.NodeId });
        timer.Property(t => t.ProcessKey).HasMaxLength(200);
        timer.Property(t => t.NodeId).HasMaxLength(200);
        timer.HasIndex(t => t.DueAt);
    }
}

internal sealed class WorkflowHistoryEntryConfiguration : IEntityTypeConfiguration<WorkflowHistoryEntry>
{
    public void Configure(EntityTypeBuilder<WorkflowHistoryEntry> entry)
    {
        entry.ToTable("WorkflowHistory");
        entry.Property(e => e.ElementId).HasMaxLength(200);
        entry.Property(e => e.Event).HasMaxLength(40);
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Detail).HasMaxLength(4000);
        entry.HasIndex(e => e.InstanceId);
    }
}
