using System.Globalization;
using System.Text.Json;
using Platform.Core;
using Platform.Core.Metadata;
using Platform.Core.Records.Duplicates;
using Platform.Core.Security;
using Platform.Records.Duplicates;

namespace Platform.Data.Records.Duplicates;

/// <summary>
/// Duplicates of values being entered, for forms and API clients: every rule of the entity asked (a rule over a field the
/// person may not see is skipped — its matches would tell them the value), matches they may read named, others counted.
/// </summary>
internal sealed class DuplicateFinder(DuplicateIndex index, Platform.Records.IRecordStore store) : IDuplicateFinder
{
    public async Task<IReadOnlyList<DuplicateMatch>?> FindAsync(string entityName, IReadOnlyDictionary<string, object?> values, Guid? except, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var reader = await store.OpenReaderAsync(entityName, actor, cancellationToken);
        if (reader is null || reader.Forbidden)
        {
            return null;
        }

        var entity = reader.Entity;
        var plain = values.ToDictionary(p => p.Key, p => p.Value is JsonElement json ? JsonValues.Read(json) : p.Value, StringComparer.OrdinalIgnoreCase);
        var culture = CultureInfo.CurrentUICulture.Name;
        var found = new List<(DuplicateRule Rule, Guid Id, double Score)>();
        foreach (var rule in (entity.Duplicates ?? []).Where(r => r.Fields.All(reader.Fields.MayRead)))
        {
            if (MatchKeys.Of(entity, rule, plain) is { } key)
            {
                found.AddRange((await index.FindAsync(entity, rule, key, except is { } id ? [id] : [], cancellationToken)).Select(m => (rule, m.Id, m.Score)));
            }
        }

        if (found.Count == 0)
        {
            return [];
        }

        var readable = await reader.FindManyAsync(entity, [.. found.Select(f => f.Id).Distinct()], cancellationToken);
        var naming = entity.NamingField();
        return [.. found.Select(f => readable.TryGetValue(f.Id, out var record)
            ? new DuplicateMatch(f.Rule.Name, f.Rule.Label.For(culture), f.Rule.Blocks, f.Score, f.Id, naming is null ? null : Convert.ToString(record.GetValueOrDefault(naming.Name), CultureInfo.CurrentCulture))
            : new DuplicateMatch(f.Rule.Name, f.Rule.Label.For(culture), f.Rule.Blocks, f.Score, null, null))];
    }
}
