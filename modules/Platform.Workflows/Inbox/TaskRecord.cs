using System.Globalization;
using Platform.Core.Fields;
using Platform.Core.Metadata;
using Platform.Records;
using Platform.Records.People;
using Platform.Records.Query;

namespace Platform.Workflows.Inbox;

/// <summary>
/// The record a task is about, as an approver reads it beside the task: each field by its label and
/// its value as forms show it — choice labels, money with two decimals, the titles of looked-up
/// records, people and departments by name, files by name. Line items and files' contents stay in
/// the record's own form.
/// </summary>
public static class TaskRecord
{
    public static async Task<List<(string Label, string Value)>> ShowAsync(IRecordReader reader, IReadOnlyDictionary<string, object?> record, IPeopleDirectory people, CultureInfo culture)
    {
        var fields = reader.Entity.LiveFields.Where(f => f.Kind != FieldTypes.Lines && record.ContainsKey(f.Name)).ToList();
        var shown = (await RecordText.ShowAsync(reader, [record], fields, people, culture))[0];
        return [.. fields.Select(f => (f.Label.IsBlank ? f.Name : f.Label.For(culture.Name), shown[f.Name]))];
    }

    /// <summary>
    /// What each task's line in the inbox list says of its record, so look-alike tasks tell apart: the
    /// record's title and its amount (the first money field), e.g. <c>SO-202612-00001 · 620.00</c> —
    /// for the records the actor may read; one query per entity.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> SummariesAsync(IRecordStore records, IEnumerable<WorkflowTask> tasks, Platform.Core.Security.Actor actor, CultureInfo culture)
    {
        var summaries = new Dictionary<Guid, string>();
        foreach (var group in tasks.Where(t => t is { Entity: not null, RecordId: not null }).GroupBy(t => t.Entity!, StringComparer.OrdinalIgnoreCase))
        {
            await using var reader = await records.OpenReaderAsync(group.Key, actor);
            if (reader is null || reader.Forbidden)
            {
                continue;
            }

            var found = await reader.FindManyAsync(reader.Entity, [.. group.Select(t => t.RecordId!.Value).Distinct()], CancellationToken.None);
            var title = reader.Entity.NamingField();
            var amount = reader.Entity.LiveFields.FirstOrDefault(f => f.ValueKind == FieldTypes.Money);
            foreach (var task in group)
            {
                if (found.GetValueOrDefault(task.RecordId!.Value) is { } record)
                {
                    var parts = new[] { title, amount }.OfType<FieldDefinition>().Select(f => FieldText.Of(f, record.GetValueOrDefault(f.Name), culture)).Where(t => t.Length > 0);
                    summaries[task.Id] = string.Join(" · ", parts);
                }
            }
        }

        return summaries;
    }
}
