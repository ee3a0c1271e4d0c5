using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.Bpmn.Runtime;
using Platform.Records.Stock;

namespace Platform.Bpmn.Engine;

/// <summary>
/// The outside world of one step, inside its transaction: the bound record through the record
/// service (so record rules, audit and row versions apply to workflow changes too), managers from
/// the departments; notifications go to the log and the instance's history until a notification centre exists.
/// </summary>
internal sealed class EngineStepServices(PlatformDbContext db, RecordStore records, WorkflowInstance instance, ILogger logger, IStockLedger? stock = null) : IStepServices
{
    /// <summary>The platform acting through its workflows: record changes are stamped with it, and its changes trigger no process.</summary>
    public static readonly Actor Workflows = Actor.ForPlatform("workflow");

    public async Task<IReadOnlyDictionary<string, object?>?> RecordAsync() =>
        instance.Entity is { } entity && instance.RecordId is { } id ? await records.GetAsync(entity, id) : null;

    public async Task<string?> ManagerOfAsync(string userId)
    {
        var department = await db.Users.Where(u => u.Id == userId).Select(u => u.DepartmentId).SingleOrDefaultAsync();
        // A department's manager reports to the manager of the department above.
        while (department is not null)
        {
            var row = await db.Departments.Where(d => d.Id == department).Select(d => new { d.ManagerId, d.ParentId }).SingleOrDefaultAsync();
            if (row is null)
            {
                return null;
            }

            if (row.ManagerId is not null && row.ManagerId != userId)
            {
                return row.ManagerId;
            }

            department = row.ParentId;
        }

        return null;
    }

    public async Task<string?> OwnerDepartmentManagerAsync()
    {
        var record = await RecordAsync();
        var departmentId = record?.GetValueOrDefault(SystemFields.Department) as string;
        return departmentId is null ? null : await db.Departments.Where(d => d.Id == departmentId).Select(d => d.ManagerId).SingleOrDefaultAsync();
    }

    public async Task<IReadOnlyList<string>> DepartmentRoleHoldersAsync(string userId, string role)
    {
        var department = await db.Users.Where(u => u.Id == userId).Select(u => u.DepartmentId).SingleOrDefaultAsync();
        if (department is null)
        {
            return [];
        }

        var normalized = role.ToUpperInvariant();
        return await (from user in db.Users
                      join link in db.UserRoles on user.Id equals link.UserId
                      join held in db.Roles on link.RoleId equals held.Id
                      where user.DepartmentId == department && held.NormalizedName == normalized && !user.LockoutEnd.HasValue
                      orderby user.UserName
                      select user.Id).ToListAsync();
    }

    public async Task<IReadOnlyList<string>> RoleHoldersAsync(string role)
    {
        var normalized = role.ToUpperInvariant();
        return await (from user in db.Users
                      join link in db.UserRoles on user.Id equals link.UserId
                      join held in db.Roles on link.RoleId equals held.Id
                      where held.NormalizedName == normalized && !user.LockoutEnd.HasValue
                      orderby user.UserName
                      select user.Id).ToListAsync();
    }

    public async Task<object?> PerformAsync(ServiceAction action, IReadOnlyDictionary<string, object?> values, IReadOnlyList<string> recipients)
    {
        // A refused action leaves nothing behind in the step's transaction (record rows, audit, after-save changes).
        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync("workflow_action");
        try
        {
            return await RunAsync(action, values, recipients);
        }
        catch (WorkflowException)
        {
            db.ChangeTracker.Clear();
            await transaction.RollbackToSavepointAsync("workflow_action");
            throw;
        }
    }

    private async Task<object?> RunAsync(ServiceAction action, IReadOnlyDictionary<string, object?> values, IReadOnlyList<string> recipients)
    {
        switch (action.Kind)
        {
            case ServiceAction.UpdateRecord:
                return await UpdateBoundRecordAsync("updateRecord", values) ?? throw new WorkflowException($"updateRecord: the {instance.Entity} record {instance.RecordId} no longer exists.");
            case ServiceAction.CreateRecord:
                var created = await records.CreateAsync(action.Entity ?? throw new WorkflowException("createRecord: platform:entity names no entity."), values, Workflows);
                return created.Outcome == RecordOutcome.Saved ? created.Record![SystemFields.Id] : throw Refused("createRecord", created);
            case ServiceAction.SubmitRecord or ServiceAction.CancelRecord:
                return await StepDocumentAsync(action.Kind);
            case ServiceAction.Notify:
                // The engine writes the notices after the step (StepEffects.Notices); the log keeps a line too.
                logger.LogInformation("Workflow {Instance} notifies {Recipients}: {Message}", instance.Id, string.Join(", ", recipients), action.Message);
                return null;
            default:
                throw new WorkflowException($"The service action '{action.Kind}' is not available; use one of {string.Join(", ", ServiceAction.Kinds)}.");
        }
    }

    /// <summary>Submits or cancels the bound document as the platform; a refusal (not a draft, a shortage) fails the step with the reason.</summary>
    private async Task<object?> StepDocumentAsync(string kind)
    {
        if (instance.Entity is not { } entity || instance.RecordId is not { } id || await records.GetAsync(entity, id) is not { } record)
        {
            throw new WorkflowException($"{kind}: the process has no record to {(kind == ServiceAction.SubmitRecord ? "submit" : "cancel")}.");
        }

        var version = (int)record[SystemFields.RowVersion]!;
        var done = kind == ServiceAction.SubmitRecord
            ? await records.SubmitAsync(entity, id, version, Workflows)
            : await records.CancelAsync(entity, id, version, Workflows);
        return done.Outcome == RecordOutcome.Saved ? done.Record?.GetValueOrDefault(DocumentStatus.Field) : throw Refused(kind, done);
    }

    public async Task<int> UpdateRecordsAsync(string entity, string filter, int max,
        Func<IReadOnlyDictionary<string, object?>, IReadOnlyDictionary<string, object?>> valuesOf)
    {
        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync("workflow_records");
        try
        {
            var found = await FindAsync("updateRecords", entity, filter, max);
            foreach (var record in found)
            {
                var id = (Guid)record[SystemFields.Id]!;
                var values = valuesOf(record);
                var updated = await records.UpdateAsync(entity, id, Convert.ToInt32(record[SystemFields.RowVersion], System.Globalization.CultureInfo.InvariantCulture), values, Workflows);
                if (updated.Outcome != RecordOutcome.Saved)
                {
                    throw Refused($"updateRecords ({entity} {id})", updated);
                }
            }

            return found.Count;
        }
        catch (Exception e) when (e is WorkflowException or Platform.Rules.ScriptFailureException)
        {
            db.ChangeTracker.Clear();
            await transaction.RollbackToSavepointAsync("workflow_records");
            throw;
        }
    }

    public async Task<int> ReorderAsync(string entity, Func<IReadOnlyDictionary<string, object?>, IReadOnlyDictionary<string, object?>> valuesOf)
    {
        if (stock is null)
        {
            throw new WorkflowException("reorder: this host has no stock ledger.");
        }

        var drafts = await stock.ReorderDraftsAsync(entity, Workflows)
            ?? throw new WorkflowException($"reorder: {entity} is not a purchase document declaring what it has on order (stock.orders).");
        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync("workflow_reorder");
        try
        {
            foreach (var draft in drafts)
            {
                var values = new Dictionary<string, object?>(draft.Values, StringComparer.Ordinal);
                foreach (var (name, value) in valuesOf(draft.Group))
                {
                    values[name] = value;
                }

                var created = await records.CreateAsync(entity, values, Workflows);
                if (created.Outcome != RecordOutcome.Saved)
                {
                    throw Refused($"reorder ({entity} for {draft.WarehouseCode})", created);
                }
            }

            return drafts.Count;
        }
        catch (Exception e) when (e is WorkflowException or Platform.Rules.ScriptFailureException)
        {
            db.ChangeTracker.Clear();
            await transaction.RollbackToSavepointAsync("workflow_reorder");
            throw;
        }
    }

    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> FindRecordsAsync(string entity, string filter, int max) =>
        FindAsync("notifyRecords", entity, filter, max);

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> FindAsync(string action, string entity, string filter, int max)
    {
        await using var reader = await records.OpenReaderAsync(entity, Workflows) ?? throw new WorkflowException($"{action}: there is no entity '{entity}'.");
        IQueryable<Dictionary<string, object>> query;
        try
        {
            query = Platform.Records.Query.RecordFilter.Apply(reader.Live, reader.Schema, reader.Entity, filter, orderBy: SystemFields.CreatedAt);
        }
        catch (ArgumentException e)
        {
            throw new WorkflowException($"{action}: the filter {filter} of {entity} cannot be used: {e.Message}");
        }

        return [.. (await query.Take(max).ToListAsync()).Select(reader.Present)];
    }

    /// <summary>
    /// Writes the request's status (running, returned, completed, rejected…) to the bound record's status
    /// field when it changed since last written; a refusal (a value the field does not allow) fails the step.
    /// </summary>
    public async Task ShowStatusAsync(RecordBinding binding, InstanceState state, string status)
    {
        if (binding.StatusField is not { } field || instance.RecordId is null || state.RecordStatus == status)
        {
            return;
        }

        var value = binding.ValueFor(status);
        // A record deleted meanwhile has nowhere left to show the status.
        await UpdateBoundRecordAsync($"platform:statusField {field} = '{value}'", new Dictionary<string, object?> { [field] = value });
        state.RecordStatus = status;
    }

    /// <summary>Changes the bound record as the workflow (its current row version, so people's edits are never overwritten blindly); null when it no longer exists.</summary>
    private async Task<Guid?> UpdateBoundRecordAsync(string what, IReadOnlyDictionary<string, object?> values)
    {
        if (instance.Entity is not { } entity || instance.RecordId is not { } id)
        {
            throw new WorkflowException($"{what}: the instance is not bound to a record.");
        }

        if (await records.GetAsync(entity, id) is not { } current)
        {
            return null;
        }

        var updated = await records.UpdateAsync(entity, id, Convert.ToInt32(current[SystemFields.RowVersion], System.Globalization.CultureInfo.InvariantCulture), values, Workflows);
        return updated.Outcome == RecordOutcome.Saved ? id : throw Refused(what, updated);
    }

    private static WorkflowException Refused(string action, RecordResult result) =>
        new($"{action}: the record service refused the change ({result.Outcome}): {string.Join("; ", result.Errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}"))}");
}
