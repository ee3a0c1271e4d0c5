using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Records.Duplicates;

namespace Platform.Data.Records.Duplicates;

/// <summary>
/// The match keys of live records, one per duplicate rule (and a similar rule's character pairs), kept in platform tables so
/// that finding a record's duplicates is an indexed lookup, not a scan of the entity: kept as records are saved, dropped when
/// they are deleted, built afresh for an entity when its rules change.
/// </summary>
internal sealed class DuplicateIndex(PlatformDbContext db)
{
    /// <summary>The most matches a rule answers.</summary>
    public const int MostFound = 10;

    /// <summary>The most candidates a similar rule scores (those sharing the most pairs).</summary>
    private const int MostCandidates = 50;

    /// <summary>Records read at a time when keys are built afresh.</summary>
    private const int Batch = 2000;

    /// <summary>Records' keys under every rule of the entity, replacing the keys they had.</summary>
    public async Task KeepAsync(EntityDefinition entity, IReadOnlyList<(Guid Id, IReadOnlyDictionary<string, object?> Values)> records, CancellationToken cancellationToken)
    {
        var key = Key(entity);
        await DropAsync(key, [.. records.Select(r => r.Id)], cancellationToken);
        var added = new List<object>();
        foreach (var (id, values) in records)
        {
            Add(entity, key, id, values, added);
        }

        await SaveAsync(added, cancellationToken);
    }

    /// <summary>Forgets records' keys (they were deleted).</summary>
    public async Task DropAsync(string entityKey, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        await db.RecordMatchKeys.Where(k => k.EntityKey == entityKey && list.Contains(k.RecordId)).ExecuteDeleteAsync(cancellationToken);
        await db.RecordMatchPairs.Where(p => p.EntityKey == entityKey && list.Contains(p.RecordId)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Builds every key of the entity afresh from its live records (its rules changed); answers how many records were read.</summary>
    public async Task<int> RebuildAsync(EntityDefinition entity, IQueryable<Dictionary<string, object>> live, CancellationToken cancellationToken)
    {
        var key = Key(entity);
        await db.RecordMatchKeys.Where(k => k.EntityKey == key).ExecuteDeleteAsync(cancellationToken);
        await db.RecordMatchPairs.Where(p => p.EntityKey == key).ExecuteDeleteAsync(cancellationToken);
        if (entity.Duplicates is not { Count: > 0 })
        {
            return 0;
        }

        // Page by page, each read to its end before its keys are written: the records and the keys share one connection, and
        // PostgreSQL runs one command at a time on a connection (an open reader would refuse the inserts).
        var read = 0;
        var ordered = live.AsNoTracking().OrderBy(r => EF.Property<Guid>(r, SystemFields.Id));
        for (List<Dictionary<string, object>> page; (page = await ordered.Skip(read).Take(Batch).ToListAsync(cancellationToken)).Count > 0;)
        {
            read += page.Count;
            var added = new List<object>();
            foreach (var row in page)
            {
                Add(entity, key, (Guid)row[SystemFields.Id], RecordRows.Present(entity, row), added);
            }

            await SaveAsync(added, cancellationToken);
        }

        return read;
    }

    /// <summary>The records other than <paramref name="except"/> whose key under the rule matches <paramref name="key"/>, with how alike (1 for exact rules), best first.</summary>
    public async Task<List<(Guid Id, double Score)>> FindAsync(EntityDefinition entity, DuplicateRule rule, string key, IReadOnlyCollection<Guid> except, CancellationToken cancellationToken)
    {
        var entityKey = Key(entity);
        if (!rule.IsSimilar)
        {
            var ids = await db.RecordMatchKeys.AsNoTracking().Where(k => k.EntityKey == entityKey && k.Rule == rule.Name && k.Key == key)
                .OrderBy(k => k.Id).Select(k => k.RecordId).Take(MostFound + except.Count).ToListAsync(cancellationToken);
            return [.. ids.Where(id => !except.Contains(id)).Take(MostFound).Select(id => (id, 1.0))];
        }

        var pairs = MatchText.Pairs(key);
        var wanted = pairs.ToList();
        var fewest = MatchText.FewestShared(pairs.Count, rule.ScoreNeeded);
        var candidates = await db.RecordMatchPairs.AsNoTracking().Where(p => p.EntityKey == entityKey && p.Rule == rule.Name && wanted.Contains(p.Pair))
            .GroupBy(p => p.RecordId).Select(g => new { Id = g.Key, Shared = g.Count() }).Where(c => c.Shared >= fewest)
            .OrderByDescending(c => c.Shared).Take(MostCandidates + except.Count).Select(c => c.Id).ToListAsync(cancellationToken);
        candidates.RemoveAll(except.Contains);
        if (candidates.Count == 0)
        {
            return [];
        }

        var keys = await db.RecordMatchKeys.AsNoTracking().Where(k => k.EntityKey == entityKey && k.Rule == rule.Name && candidates.Contains(k.RecordId))
            .Select(k => new { k.RecordId, k.Key }).ToListAsync(cancellationToken);
        return [.. keys.Select(k => (k.RecordId, Score: MatchText.Similarity(pairs, MatchText.Pairs(k.Key))))
            .Where(m => m.Score >= rule.ScoreNeeded - 1e-9).OrderByDescending(m => m.Score).ThenBy(m => m.RecordId).Take(MostFound)];
    }

    public static string Key(EntityDefinition entity) => entity.Name.ToLowerInvariant();

    private static void Add(EntityDefinition entity, string entityKey, Guid id, IReadOnlyDictionary<string, object?> values, List<object> added)
    {
        foreach (var rule in entity.Duplicates ?? [])
        {
            if (MatchKeys.Of(entity, rule, values) is not { } key)
            {
                continue;
            }

            added.Add(new RecordMatchKey { EntityKey = entityKey, Rule = rule.Name, RecordId = id, Key = key });
            if (rule.IsSimilar)
            {
                added.AddRange(MatchText.Pairs(key).Select(pair => new RecordMatchPair { EntityKey = entityKey, Rule = rule.Name, Pair = pair, RecordId = id }));
            }
        }
    }

    /// <summary>Writes the keys and lets go of them, leaving whatever else the context tracks (a schema change's own rows) as it was.</summary>
    private async Task SaveAsync(List<object> added, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        db.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in added)
        {
            db.Entry(entry).State = EntityState.Detached;
        }
    }
}
