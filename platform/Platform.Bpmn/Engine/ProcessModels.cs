using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Bpmn.Parsing;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

/// <summary>Deployed versions made ready to run, parsed once per version (versions never change once deployed).</summary>
public sealed class ProcessModels
{
    private readonly ConcurrentDictionary<long, ProcessModel> _byDefinition = new();

    public async Task<ProcessModel> GetAsync(PlatformDbContext db, long definitionId, CancellationToken cancellationToken)
    {
        if (_byDefinition.TryGetValue(definitionId, out var model))
        {
            return model;
        }

        var definition = await db.WorkflowDefinitions.AsNoTracking().SingleAsync(d => d.Id == definitionId, cancellationToken);
        var parsed = BpmnParser.Parse(Encoding.UTF8.GetBytes(definition.Xml));
        model = new ProcessModel(parsed, parsed.Process(definition.ProcessKey) ?? throw new WorkflowException($"The deployed file has no process {definition.ProcessKey}."));
        return _byDefinition.GetOrAdd(definitionId, model);
    }
}
