using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Data;
using Platform.Data.Packages;
using Platform.Bpmn.Parsing;

namespace Platform.Bpmn;

/// <summary>
/// Deploys BPMN files: checked first (nothing of a file with problems is stored), then each executable
/// process becomes a new version — unless the same file was deployed last, which changes nothing.
/// App packages deploy their <c>workflows/*.bpmn</c> through it.
/// </summary>
public sealed class WorkflowDeployment(PlatformDbContext db, TimeProvider clock, Engine.WorkflowTriggers? triggers = null, Platform.Records.ISchemaManager? schemas = null)
    : IAppPackagePart, IWorkflowDeployment
{
    public string Folder => "workflows";


    public Task<WorkflowDeploymentResult> DeployAsync(byte[] content, string deployedBy, CancellationToken cancellationToken = default) =>
        DeployAsync(content, deployedBy, null, cancellationToken);

    private async Task<WorkflowDeploymentResult> DeployAsync(byte[] content, string deployedBy, string? source, CancellationToken cancellationToken)
    {
        BpmnDefinitions definitions;
        try
        {
            definitions = BpmnParser.Parse(content);
        }
        catch (BpmnException e)
        {
            return new WorkflowDeploymentResult([], [], e.Problems);
        }

        var known = await db.WorkflowDefinitions.Select(d => d.ProcessKey).Distinct().ToListAsync(cancellationToken);
        var problems = BpmnValidator.Validate(definitions, known);
        if (problems.Count == 0)
        {
            problems = [.. await UnknownPeopleAsync(definitions, cancellationToken), .. await UnknownBindingsAsync(definitions, cancellationToken)];
        }

        if (problems.Count > 0)
        {
            return new WorkflowDeploymentResult([], [], problems);
        }

        var xml = Encoding.UTF8.GetString(BpmnParser.Write(definitions));
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        var deployed = new List<(string, int)>();
        var unchanged = new List<string>();
        var versions = new List<(BpmnProcess Process, WorkflowDefinition Definition)>();
        foreach (var process in definitions.Processes.Where(p => p.IsExecutable))
        {
            var latest = await db.WorkflowDefinitions.Where(d => d.ProcessKey == process.Id).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
            if (latest?.Sha256 == sha)
            {
                unchanged.Add(process.Id);
                continue;
            }

            var version = (latest?.Version ?? 0) + 1;
            var definition = new WorkflowDefinition
            {
                ProcessKey = process.Id, Version = version, Name = process.Name ?? definitions.Name, Xml = xml, Sha256 = sha, Source = source ?? latest?.Source,
                DeployedAt = clock.GetUtcNow(), DeployedBy = deployedBy,
            };
            db.WorkflowDefinitions.Add(definition);
            versions.Add((process, definition));
            deployed.Add((process.Id, version));
        }

        await using var transaction = await JoinedTransaction.JoinOrBeginAsync(db, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (process, definition) in versions)
            {
                await ScheduleStartTimersAsync(definitions, process, definition, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another deployment took the same version number first (unique per process and version).
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync();

            return new WorkflowDeploymentResult([], [], [new BpmnProblem(definitions.Id, "file", "The same process was deployed by someone else at the same moment; nothing was deployed. Deploy again.") { Code = BpmnProblem.DeployedMeanwhile }]);
        }

        triggers?.Refresh();
        return new WorkflowDeploymentResult(deployed, unchanged, []);
    }

    public async Task<IReadOnlyList<BpmnProblem>> CheckAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        BpmnDefinitions definitions;
        try
        {
            definitions = BpmnParser.Parse(content);
        }
        catch (BpmnException e)
        {
            return e.Problems;
        }

        var known = await db.WorkflowDefinitions.Select(d => d.ProcessKey).Distinct().ToListAsync(cancellationToken);
        var problems = BpmnValidator.Validate(definitions, known);
        return problems.Count > 0 ? problems : [.. await UnknownPeopleAsync(definitions, cancellationToken), .. await UnknownBindingsAsync(definitions, cancellationToken)];
    }

    /// <summary>
    /// Assignees and candidate users written as plain values (not <c>${…}</c> expressions) must name an
    /// account, by id or user name; otherwise the task would wait for someone who does not exist.
    /// </summary>
    private async Task<List<BpmnProblem>> UnknownPeopleAsync(BpmnDefinitions definitions, CancellationToken cancellationToken)
    {
        var named = definitions.Processes.Where(p => p.IsExecutable)
            .SelectMany(p => new Runtime.ProcessModel(definitions, p).Nodes)
            .Select(n => (Node: n, Assignment: n.SettingsOf<Activities.Tasks.UserTaskSettings>()?.Assignment))
            .Where(n => n.Assignment is not null)
            .SelectMany(n => new[] { ("assignee", n.Assignment!.Assignee), ("candidateUsers", n.Assignment.CandidateUsers) }
                .Where(a => a.Item2 is { Length: > 0 } v && !v.Contains("${", StringComparison.Ordinal))
                .SelectMany(a => a.Item2!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(person => (Node: n.Node.Id, Where: a.Item1, Person: person))))
            .ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var values = named.Select(n => n.Person).Distinct().ToList();
        var normalized = values.Select(v => v.ToUpperInvariant()).ToList();
        var known = await db.Users.AsNoTracking().Where(u => values.Contains(u.Id) || normalized.Contains(u.NormalizedUserName!))
            .Select(u => new { u.Id, u.NormalizedUserName }).ToListAsync(cancellationToken);
        return [.. named.Where(n => !known.Any(u => u.Id == n.Person || string.Equals(u.NormalizedUserName, n.Person, StringComparison.OrdinalIgnoreCase)))
            .Select(n => new BpmnProblem(n.Node, n.Where, $"No user is named '{n.Person}': give an existing user name or id, or an expression such as ${{initiator}}.") { Code = BpmnProblem.UnknownUser, Arguments = [n.Person] })];
    }

    /// <summary>An approval names the entity whose records it is for, and the field it writes its status to: both must exist.</summary>
    private async Task<List<BpmnProblem>> UnknownBindingsAsync(BpmnDefinitions definitions, CancellationToken cancellationToken)
    {
        if (schemas is null)
        {
            return [];
        }

        var problems = new List<BpmnProblem>();
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        foreach (var process in definitions.Processes.Where(p => p.IsExecutable))
        {
            problems.AddRange(UnknownTaskEntities(definitions, process, schema));
            var binding = Runtime.RecordBinding.Read(process.Element);
            if (binding.Entity is not { } entityName)
            {
                continue;
            }

            if (schema.Find(entityName) is not { } entity)
            {
                problems.Add(new BpmnProblem(process.Id, "platform:entity", $"There is no entity '{entityName}' for this approval's records.")
                    { Code = BpmnProblem.UnknownEntity, Arguments = [entityName] });
                continue;
            }

            bool Has(string field) => entity.LiveFields.Any(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase));
            if (binding.StatusField is { } status && !Has(status))
            {
                problems.Add(new BpmnProblem(process.Id, "platform:statusField", $"The entity {entity.Name} has no field '{status}' to show the approval's status in.")
                    { Code = BpmnProblem.UnknownStatusField, Arguments = [entity.Name, status] });
            }

            foreach (var node in new Runtime.ProcessModel(definitions, process).Nodes)
            {
                foreach (var field in node.SettingsOf<Activities.Tasks.UserTaskSettings>()?.EditableFields.Where(f => !Has(f)) ?? [])
                {
                    problems.Add(new BpmnProblem(node.Id, "platform:editableFields", $"The entity {entity.Name} has no field '{field}' for the approver to change.")
                        { Code = BpmnProblem.UnknownEditableField, Arguments = [entity.Name, field] });
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// The entity a service task creates, changes, tells of or drafts must exist; a reorder's must be a purchase document declaring what
    /// it has on order (<c>stock.orders</c>) — found now rather than when the timer first fires.
    /// </summary>
    private static IEnumerable<BpmnProblem> UnknownTaskEntities(BpmnDefinitions definitions, BpmnProcess process, Platform.Records.RecordsSchema schema)
    {
        foreach (var node in new Runtime.ProcessModel(definitions, process).Nodes)
        {
            if (node.SettingsOf<Activities.Tasks.ServiceTaskSettings>()?.Action is not { Entity: { } name } action || name.Contains("${", StringComparison.Ordinal))
            {
                continue;
            }

            if (schema.Find(name) is not { } entity)
            {
                yield return new BpmnProblem(node.Id, "platform:entity", $"There is no entity '{name}' for this task.") { Code = BpmnProblem.UnknownTaskEntity, Arguments = [name] };
            }
            else if (action.Kind == Runtime.ServiceAction.Reorder && entity.Stock?.Orders is null)
            {
                yield return new BpmnProblem(node.Id, "platform:entity", $"{entity.Name} declares nothing it has on order (stock.orders): it is not a purchase document to draft.")
                    { Code = BpmnProblem.ReorderNeedsPurchaseDocument, Arguments = [entity.Name] };
            }
        }
    }

    /// <summary>The new version's timer start events replace the previous version's: each is due at its first time from now.</summary>
    private async Task ScheduleStartTimersAsync(BpmnDefinitions definitions, BpmnProcess process, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        await db.WorkflowStartTimers.Where(t => t.ProcessKey == process.Id).ExecuteDeleteAsync(cancellationToken);
        var model = new Runtime.ProcessModel(definitions, process);
        foreach (var start in model.TimerStarts)
        {
            if (Runtime.Schedule.TryParse(start.Timer!.Kind, start.Timer.Text, out var schedule, out _))
            {
                db.WorkflowStartTimers.Add(new WorkflowStartTimer
                {
                    ProcessKey = process.Id, NodeId = start.Id, DefinitionId = definition.Id, DueAt = schedule.First(clock.GetUtcNow()).ToUnixTimeMilliseconds(),
                });
            }
        }
    }

    async Task<AppPackagePartResult> IAppPackagePart.ApplyAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        var changed = new List<string>();
        var unchanged = new List<string>();
        foreach (var file in files.Where(f => f.Path.EndsWith(".bpmn", StringComparison.OrdinalIgnoreCase)))
        {
            var result = await DeployAsync(Encoding.UTF8.GetBytes(file.Content), changedBy, file.Path, cancellationToken);
            if (result.Problems.Count > 0)
            {
                return new AppPackagePartResult([], [], [], result.Problems.Select(p => new MetadataError($"{file.Path}: {p.Where}", p.ToString())).ToList());
            }

            created.AddRange(result.Deployed.Where(d => d.Version == 1).Select(d => $"workflow {d.Process}"));
            changed.AddRange(result.Deployed.Where(d => d.Version > 1).Select(d => $"workflow {d.Process} v{d.Version}"));
            unchanged.AddRange(result.Unchanged.Select(p => $"workflow {p}"));
        }

        return new AppPackagePartResult(created, changed, unchanged, []);
    }

    /// <summary>The latest version of every process, one file per BPMN document (a document may hold several processes), at the package path it came from.</summary>
    async Task<IReadOnlyList<AppPackageFile>> IAppPackagePart.ExportAsync(CancellationToken cancellationToken)
    {
        var all = db.Set<WorkflowDefinition>();
        var latest = await all.AsNoTracking()
            .Where(d => d.Version == all.Where(o => o.ProcessKey == d.ProcessKey).Max(o => o.Version))
            .ToListAsync(cancellationToken);
        return [.. latest.GroupBy(d => d.Sha256)
            .Select(document => document.OrderBy(d => d.ProcessKey, StringComparer.Ordinal).First())
            .Select(d => new AppPackageFile(d.Source ?? $"{Folder}/{d.ProcessKey}.bpmn", d.Xml))];
    }

    /// <summary>The processes whose latest BPMN document export gives one of these paths (a document may hold several).</summary>
    private async Task<List<string>> ProcessesAtAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var all = db.Set<WorkflowDefinition>();
        var latest = await all.AsNoTracking().Where(d => d.Version == all.Where(o => o.ProcessKey == d.ProcessKey).Max(o => o.Version)).ToListAsync(cancellationToken);
        return [.. latest.GroupBy(d => d.Sha256)
            .Where(document => paths.Contains(document.OrderBy(d => d.ProcessKey, StringComparer.Ordinal).Select(d => d.Source ?? $"{Folder}/{d.ProcessKey}.bpmn").First()))
            .SelectMany(document => document.Select(d => d.ProcessKey))];
    }

    /// <summary>The instances of those processes, running or ended: their history is the approvals people gave.</summary>
    async Task<IReadOnlyList<AppPackageData>> IAppPackagePart.DataAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var processes = await ProcessesAtAsync(paths, cancellationToken);
        var counts = await db.WorkflowInstances.Where(i => processes.Contains(i.ProcessKey)).GroupBy(i => i.ProcessKey)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new AppPackageData(AppPackageDataKinds.WorkflowInstances, c.Key, c.Count))];
    }

    /// <summary>Removes every version of those processes with their instances, tasks, timers, history, start timers and drafts.</summary>
    async Task<AppPackagePartResult> IAppPackagePart.RemoveAsync(IReadOnlyList<string> paths, string changedBy, CancellationToken cancellationToken)
    {
        var processes = await ProcessesAtAsync(paths, cancellationToken);
        var instances = db.WorkflowInstances.Where(i => processes.Contains(i.ProcessKey)).Select(i => i.Id);
        await db.WorkflowHistory.Where(h => instances.Contains(h.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.WorkflowTasks.Where(t => instances.Contains(t.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.WorkflowTimers.Where(t => instances.Contains(t.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.WorkflowInstances.Where(i => processes.Contains(i.ProcessKey)).ExecuteDeleteAsync(cancellationToken);
        await db.WorkflowStartTimers.Where(t => processes.Contains(t.ProcessKey)).ExecuteDeleteAsync(cancellationToken);
        await db.WorkflowDrafts.Where(d => processes.Contains(d.ProcessKey)).ExecuteDeleteAsync(cancellationToken);
        await db.WorkflowDefinitions.Where(d => processes.Contains(d.ProcessKey)).ExecuteDeleteAsync(cancellationToken);
        triggers?.Refresh();
        return new AppPackagePartResult([], [.. processes.Order(StringComparer.Ordinal).Select(p => $"workflow {p}")], [], []);
    }
}
