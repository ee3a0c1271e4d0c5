using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Platform.Data;

namespace Platform.Bpmn.Engine;

/// <summary>
/// The read of the task a step acts on (tracked: the step changes it), compiled once: a compiled query
/// skips LINQ translation and the query cache on each call. EF Core binds a compiled query to the
/// model it first runs with, so there is one set per model (one per database provider in a process).
/// </summary>
internal sealed class StepQueries
{
    private static readonly ConcurrentDictionary<IModel, StepQueries> ByModel = new();

    public Func<PlatformDbContext, Guid, CancellationToken, Task<WorkflowTask?>> TaskAsync { get; } =
        EF.CompileAsyncQuery((PlatformDbContext db, Guid id, CancellationToken _) => db.Set<WorkflowTask>().SingleOrDefault(t => t.Id == id));

    public static StepQueries For(PlatformDbContext db) => ByModel.GetOrAdd(db.Model, _ => new StepQueries());
}
