using Microsoft.EntityFrameworkCore;

namespace Platform.Benchmarks.Workflows;

/// <summary>
/// The baseline: the rows a 3-step approval must write at the least (an instance with its state, a
/// task per step, two history lines per step), written by hand with EF Core, one transaction per step.
/// </summary>
public sealed class BaselineContext(DbContextOptions<BaselineContext> options) : DbContext(options)
{
    public DbSet<BaselineInstance> Instances => Set<BaselineInstance>();

    public DbSet<BaselineTask> Tasks => Set<BaselineTask>();

    public DbSet<BaselineHistory> History => Set<BaselineHistory>();
}

public sealed class BaselineInstance
{
    public Guid Id { get; set; }

    public string State { get; set; } = "";

    public string Status { get; set; } = "";

    public int RowVersion { get; set; }
}

public sealed class BaselineTask
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public string Name { get; set; } = "";

    public string CandidateRoles { get; set; } = "";

    public bool IsOpen { get; set; }
}

public sealed class BaselineHistory
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public string Event { get; set; } = "";
}
