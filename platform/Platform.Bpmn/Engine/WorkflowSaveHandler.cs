using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.Data.Scripts;
using Platform.Rules;
using Platform.Bpmn.Activities.Tasks;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

/// <summary>
/// Where workflows meet record saves: a record an approval locks refuses people's changes, and a
/// saved change starts the processes whose record triggers it matches — in the save's transaction,
/// so the record and its new instances commit together. Changes the workflows make themselves start
/// nothing (no process can trigger itself in a loop).
/// </summary>
internal sealed class WorkflowSaveHandler(PlatformDbContext db, WorkflowTriggers triggers, WorkflowScripts scripts, IServiceProvider services, IStringLocalizer localizer)
    : IRecordSaveHandler
{
    /// <summary>After other handlers: a process starts only for a save they let through.</summary>
    public int Order => 1000;

    public async Task<RecordHold?> HoldAsync(string entity, Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var key = entity.ToLowerInvariant();
        var locking = await db.WorkflowInstances.AsNoTracking().Where(i => i.Entity == key && i.RecordId == id && i.LocksRecord)
            .Select(i => new { i.Id, i.DefinitionId }).FirstOrDefaultAsync(cancellationToken);
        if (locking is null)
        {
            return null;
        }

        // Named as people know the process (its name, else its key).
        var model = await services.GetRequiredService<ProcessModels>().GetAsync(db, locking.DefinitionId, cancellationToken);
        var reason = localizer["Workflows.Error.RecordLocked", model.NameIn(System.Globalization.CultureInfo.CurrentUICulture.Name)].Value;

        // The steps waiting for this person may let them correct some fields (a discount, a remark).
        var open = await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == locking.Id && t.IsOpen).ToListAsync(cancellationToken);
        var editable = open.Where(t => t.IsOfferedTo(actor) && model.Has(t.ElementId))
            .SelectMany(t => model.Node(t.ElementId).SettingsOf<UserTaskSettings>()?.EditableFields ?? [])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new RecordHold(reason, editable);
    }

    public async Task<IReadOnlyList<RecordFieldError>> SavedAsync(SavedRecords change, CancellationToken cancellationToken)
    {
        if (change.Actor == EngineStepServices.Workflows)
        {
            return [];
        }

        var matching = (await triggers.ForEntityAsync(db, change.Entity, cancellationToken)).ToList();
        if (matching.Count == 0)
        {
            return [];
        }

        var errors = new List<RecordFieldError>();
        var actor = change.Actor;
        var user = await ScriptUsers.OfAsync(db, actor, cancellationToken);
        var engine = services.GetRequiredService<WorkflowEngine>();
        foreach (var saved in change.Records)
        {
            var id = (Guid)saved.Record[Platform.Core.Metadata.SystemFields.Id]!;
            foreach (var trigger in matching.Where(t => t.Settings.Concerns(change.Kind, saved.ChangedFields)))
            {
                try
                {
                    if (trigger.Settings.Condition is { } condition
                        && !scripts.Holds($"{trigger.ProcessKey}.{trigger.Settings.NodeId} condition", condition,
                            new Dictionary<string, object?> { ["previous"] = saved.Previous, ["change"] = change.Kind }, saved.Record, user))
                    {
                        continue;
                    }

                    await engine.StartAtAsync(trigger.DefinitionId, trigger.Settings.NodeId, null, actor, change.Entity, id, cancellationToken);
                }
                catch (Exception e) when (e is ScriptFailureException or WorkflowException)
                {
                    errors.Add(new RecordFieldError(null, localizer["Workflows.Error.TriggerFailed", trigger.ProcessKey, e.Message].Value));
                }
            }
        }

        return errors;
    }
}
