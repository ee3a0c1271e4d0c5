using System.Globalization;
using System.Text;
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

    /// <summary>Records read at a time when keys are built afresh (their ids as parameters, under SQL Server's 2,100).</summary>
    private const int Batch = 1000;

    /// <summary>Records' keys under every rule of the entity, replacing the keys they had.</summary>
    public async Task KeepAsync(EntityDefinition entity, IReadOnlyList<(Guid Id, IReadOnlyDictionary<string, object?> Values)> records, CancellationToken cancellationToken)
    {
        var key = Key(entity);
        await DropAsync(key, [.. records.Select(r => r.Id)], cancellationToken);
        var added = new MatchRows();
        foreach (var (id, values) in records)
        {
            Add(entity, id, values, added);
        }

        await SaveAsync(key, added, cancellationToken);
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

        // The ids first, then their records a batch at a time, each read to its end before its keys are written: the records
        // and the keys share one connection, and PostgreSQL runs one command at a time on a connection. (Pages by offset
        // would read the table over and over: 100,000 records took seconds per page at the end.)
        var read = 0;
        var records = live.AsNoTracking();
        var ids = await records.Select(r => EF.Property<Guid>(r, SystemFields.Id)).ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(Batch))
        {
            var page = await records.Where(r => batch.Contains(EF.Property<Guid>(r, SystemFields.Id))).ToListAsync(cancellationToken);
            read += page.Count;
            var added = new MatchRows();
            foreach (var row in page)
            {
                Add(entity, (Guid)row[SystemFields.Id], RecordRows.Present(entity, row), added);
            }

            await SaveAsync(key, added, cancellationToken);
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

    private static void Add(EntityDefinition entity, Guid id, IReadOnlyDictionary<string, object?> values, MatchRows added)
    {
        foreach (var rule in entity.Duplicates ?? [])
        {
            if (MatchKeys.Of(entity, rule, values) is not { } key)
            {
                continue;
            }

            added.Keys.Add((rule.Name, id, key));
            if (rule.IsSimilar)
            {
                added.Pairs.AddRange(MatchText.Pairs(key).Select(pair => (rule.Name, id, pair)));
            }
        }
    }

    /// <summary>
    /// Writes the keys as multi-row inserts (a few hundred rows a statement, values as parameters) rather than one tracked
    /// entity each: building the keys of 100,000 customers is half a million rows.
    /// </summary>
    private async Task SaveAsync(string entityKey, MatchRows added, CancellationToken cancellationToken)
    {
        foreach (var chunk in added.Keys.Chunk(RowsPerInsert))
        {
            await InsertAsync("""INSERT INTO "RecordMatchKeys" ("EntityKey", "Rule", "RecordId", "Key") VALUES """, entityKey, chunk, cancellationToken);
        }

        foreach (var chunk in added.Pairs.Chunk(RowsPerInsert))
        {
            await InsertAsync("""INSERT INTO "RecordMatchPairs" ("EntityKey", "Rule", "RecordId", "Pair") VALUES """, entityKey, chunk, cancellationToken);
        }
    }

    /// <summary>Rows a statement inserts: four parameters each, well under every provider's limit (SQL Server's 2,100).</summary>
    private const int RowsPerInsert = 250;

    private Task<int> InsertAsync(string insert, string entityKey, (string Rule, Guid Id, string Text)[] rows, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(insert);
        var parameters = new object[rows.Length * 3 + 1];
        parameters[0] = entityKey;
        for (var i = 0; i < rows.Length; i++)
        {
            var at = i * 3 + 1;
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{0}}, {{{at}}}, {{{at + 1}}}, {{{at + 2}}})");
            (parameters[at], parameters[at + 1], parameters[at + 2]) = (rows[i].Rule, rows[i].Id, rows[i].Text);
        }

        return db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
    }

    /// <summary>Keys and character pairs waiting to be written: (rule, record, key or pair).</summary>
    private sealed class MatchRows
    {
        public List<(string Rule, Guid Id, string Text)> Keys { get; } = [];

        public List<(string Rule, Guid Id, string Text)> Pairs { get; } = [];
    }
}
