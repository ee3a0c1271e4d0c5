using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Records.Duplicates;
using Platform.Core.Security;

namespace Platform.Data.Records.Duplicates;

/// <summary>
/// Duplicate rules in record saves: a rule that blocks refuses a record (or an import's row) while another live record
/// matches it — or an earlier record of the same batch — when the record is created or a field of the rule changes; every
/// save keeps the match keys current in its own transaction (deleted records lose theirs, restored ones get them back).
/// </summary>
internal sealed class DuplicateChecks(DuplicateIndex index, SchemaManager schemas, IServiceProvider services, IStringLocalizer localizer) : IRecordSaveHandler
{
    /// <summary>Before the other handlers: a refused duplicate starts no workflow.</summary>
    public int Order => -100;

    public async Task<IReadOnlyList<RecordFieldError>> SavingAsync(SavedRecords change, CancellationToken cancellationToken)
    {
        if (change.Kind is not (RecordChangeKinds.Created or RecordChangeKinds.Updated or RecordChangeKinds.Restored)
            || (await schemas.LoadSchemaAsync(cancellationToken)).Find(change.Entity) is not { Duplicates: { Count: > 0 } rules } entity)
        {
            return [];
        }

        var errors = new List<RecordFieldError>();
        var batch = new Dictionary<(string Rule, string Key), int>();
        var culture = CultureInfo.CurrentUICulture.Name;
        for (var i = 0; i < change.Records.Count; i++)
        {
            var saved = change.Records[i];
            var id = (Guid)saved.Record[SystemFields.Id]!;
            foreach (var rule in rules.Where(r => r.Blocks))
            {
                if (change.Kind == RecordChangeKinds.Updated && !rule.Fields.Any(f => saved.ChangedFields.Contains(f, StringComparer.OrdinalIgnoreCase))
                    || MatchKeys.Of(entity, rule, saved.Record) is not { } key)
                {
                    continue;
                }

                var label = rule.Label.For(culture);
                if (!batch.TryAdd((rule.Name, key), i))
                {
                    errors.Add(new(rule.Fields[0], localizer["Records.Duplicate.InBatch", label, batch[(rule.Name, key)] + 1, i + 1]));
                    continue;
                }

                var found = await index.FindAsync(entity, rule, key, [id], cancellationToken);
                if (found.Count > 0)
                {
                    errors.Add(new(rule.Fields[0], await RefusalAsync(entity, label, found[0].Id, change.Actor, cancellationToken)));
                }
            }
        }

        return errors;
    }

    public async Task<IReadOnlyList<RecordFieldError>> SavedAsync(SavedRecords change, CancellationToken cancellationToken)
    {
        if ((await schemas.LoadSchemaAsync(cancellationToken)).Find(change.Entity) is not { Duplicates: { Count: > 0 } rules } entity)
        {
            return [];
        }

        var ids = change.Records.Select(r => (Guid)r.Record[SystemFields.Id]!).ToList();
        if (change.Kind == RecordChangeKinds.Deleted)
        {
            await index.DropAsync(DuplicateIndex.Key(entity), ids, cancellationToken);
            return [];
        }

        var touched = change.Records.Where(r => change.Kind != RecordChangeKinds.Updated
            || rules.Any(rule => rule.Fields.Any(f => r.ChangedFields.Contains(f, StringComparer.OrdinalIgnoreCase)))).ToList();
        if (touched.Count > 0)
        {
            await index.KeepAsync(entity, [.. touched.Select(r => ((Guid)r.Record[SystemFields.Id]!, r.Record))], cancellationToken);
        }

        return [];
    }

    /// <summary>Why the save is refused: the match named when the person may read it, only counted when not.</summary>
    private async Task<string> RefusalAsync(EntityDefinition entity, string label, Guid match, Actor actor, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<Platform.Records.IRecordStore>();
        var culture = CultureInfo.CurrentUICulture.Name;
        await using var reader = await store.OpenReaderAsync(entity.Name, actor, cancellationToken);
        var readable = reader is null || reader.Forbidden ? [] : await reader.FindManyAsync(entity, [match], cancellationToken);
        return readable.TryGetValue(match, out var record) && entity.NamingField() is { } naming
            ? localizer["Records.Duplicate.Blocked", label, entity.Label.For(culture), record.GetValueOrDefault(naming.Name) ?? match]
            : localizer["Records.Duplicate.BlockedUnseen", label, entity.Label.For(culture)];
    }
}
