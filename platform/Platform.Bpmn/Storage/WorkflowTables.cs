using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Bpmn.Storage;

/// <summary>
/// The engine's own tables in the platform's database: process definitions, instances, tasks,
/// timers, start timers, history and the modeler's drafts. The host adds this part to the database context; the
/// providers' design-time factories do too, so their migrations hold these tables.
/// </summary>
public sealed class WorkflowTables : IModelPart
{
    public void Build(ModelBuilder builder)
    {
        builder.ApplyConfiguration(new WorkflowDefinitionConfiguration());
        builder.ApplyConfiguration(new WorkflowInstanceConfiguration());
        builder.ApplyConfiguration(new WorkflowTaskConfiguration());
        builder.ApplyConfiguration(new WorkflowTimerConfiguration());
        builder.ApplyConfiguration(new WorkflowHistoryEntryConfiguration());
        builder.ApplyConfiguration(new WorkflowStartTimerConfiguration());
        builder.ApplyConfiguration(new WorkflowDraftConfiguration());
    }
}

/// <summary>The engine's tables as sets of the platform's context, for the engine's queries.</summary>
public static class WorkflowTableSets
{
    extension(PlatformDbContext db)
    {
        public DbSet<WorkflowDefinition> WorkflowDefinitions => db.Set<WorkflowDefinition>();

        public DbSet<WorkflowInstance> WorkflowInstances => db.Set<WorkflowInstance>();

        public DbSet<WorkflowTask> WorkflowTasks => db.Set<WorkflowTask>();

        public DbSet<WorkflowTimer> WorkflowTimers => db.Set<WorkflowTimer>();

        public DbSet<WorkflowStartTimer> WorkflowStartTimers => db.Set<WorkflowStartTimer>();

        public DbSet<WorkflowHistoryEntry> WorkflowHistory => db.Set<WorkflowHistoryEntry>();

        public DbSet<WorkflowDraftRow> WorkflowDrafts => db.Set<WorkflowDraftRow>();
    }
}
