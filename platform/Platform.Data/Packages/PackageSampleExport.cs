using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Records;

namespace Platform.Data.Packages;

/// <summary>
/// An app's records written as its package's sample data (<c>sample-data/</c>, read back by <see cref="PackageSampleData"/>): one file per
/// entity, the entities a record looks up before it, each record named by its id (<c>"$key"</c>, which loading keeps, so exporting again
/// gives the same files) and each lookup to an exported record written <c>"$ref:…"</c>. Line items go inside their record. What another
/// platform cannot take as it is stays out: computed and auto-numbered values (made again on loading), people and departments, files,
/// and lookups to records not exported.
/// </summary>
public sealed class PackageSampleExport(IRecordStore records, ISchemaManager schemas)
{
    private const int MostRecords = AppPackageLimits.MostSampleRecords;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly HashSet<string> LeftOut =
        [FieldTypes.Computed.Name, FieldTypes.AutoNumber.Name, FieldTypes.User.Name, FieldTypes.Department.Name, FieldTypes.Attachment.Name, FieldTypes.Image.Name];

    /// <summary>The live records of these entities (line entities go with their records) as sample-data files.</summary>
    /// <exception cref="AppPackageExportRefusedException">An entity holds more than <see cref="AppPackageLimits.MostSampleRecords"/> records.</exception>
    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(IReadOnlyCollection<string> entityNames, CancellationToken cancellationToken = default)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var lineEntities = schema.Entities.SelectMany(e => e.LiveFields.Where(f => f.Type == FieldTypes.Lines.Name)).Select(f => f.Target!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var chosen = entityNames.Select(schema.Find).OfType<EntityDefinition>().Where(e => !lineEntities.Contains(e.Name)).ToList();
        var ids = new Dictionary<string, List<Guid>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in chosen)
        {
            await using var reader = (await records.OpenReaderAsync(entity.Name, cancellationToken: cancellationToken))!;
            // Ids are time-ordered: oldest first, so a record looking up an older one of its kind comes after it.
            var list = await reader.Live.Select(r => EF.Property<Guid>(r, SystemFields.Id)).OrderBy(id => id).Take(MostRecords + 1).ToListAsync(cancellationToken);
            if (list.Count > MostRecords)
            {
                throw new AppPackageExportRefusedException("Packages.Error.TooManyRecords", entity.Name, MostRecords);
            }

            if (list.Count > 0)
            {
                ids[entity.Name] = list;
            }
        }

        var exported = ids.Values.SelectMany(l => l).ToHashSet();
        var files = new List<AppPackageFile>();
        foreach (var (entity, i) in InLookupOrder(chosen.Where(e => ids.ContainsKey(e.Name)).ToList(), schema).Select((e, i) => (e, i + 1)))
        {
            var read = new List<IReadOnlyDictionary<string, object?>>();
            foreach (var id in ids[entity.Name])
            {
                if (await records.GetAsync(entity.Name, id, cancellationToken: cancellationToken) is { } record)
                {
                    read.Add(record);
                }
            }

            var written = ParentsFirst(entity, read)
                .Select(record => new Dictionary<string, object?> { ["$key"] = record[SystemFields.Id]!.ToString() }.Concat(Values(entity, record, schema, exported)).ToDictionary())
                .ToList();

            files.Add(AppPackageDocuments.Json($"{PackageSampleData.Folder}/{i:00}-{entity.Name}.json", new { entity = entity.Name, records = written }, Json));
        }

        return files;
    }

    private static IEnumerable<KeyValuePair<string, object?>> Values(EntityDefinition entity, IReadOnlyDictionary<string, object?> record, RecordsSchema schema, HashSet<Guid> exported)
    {
        foreach (var field in entity.LiveFields.Where(f => !LeftOut.Contains(f.Type) && f.Formula is null))
        {
            var value = record.GetValueOrDefault(field.Name);
            if (field.Type == FieldTypes.Lookup.Name)
            {
                if (value is Guid target && exported.Contains(target))
                {
                    yield return KeyValuePair.Create<string, object?>(field.Name, $"$ref:{target}");
                }
            }
            else if (field.Type == FieldTypes.Lines.Name)
            {
                if (value is IEnumerable<IReadOnlyDictionary<string, object?>> lines && schema.Find(field.Target!) is { } lineEntity)
                {
                    yield return KeyValuePair.Create<string, object?>(field.Name, lines.Select(l => Values(lineEntity, l, schema, exported).ToDictionary()).ToList());
                }
            }
            else if (value is not null and not "")
            {
                yield return KeyValuePair.Create<string, object?>(field.Name, value);
            }
        }
    }

    /// <summary>The records with those they look up of their own kind (a customer's parent company) before them, else in the order read.</summary>
    private static List<IReadOnlyDictionary<string, object?>> ParentsFirst(EntityDefinition entity, List<IReadOnlyDictionary<string, object?>> read)
    {
        var own = entity.LiveFields.Where(f => f.Type == FieldTypes.Lookup.Name && string.Equals(f.Target, entity.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (own.Count == 0)
        {
            return read;
        }

        var byId = read.ToDictionary(r => (Guid)r[SystemFields.Id]!);
        var (ordered, placed) = (new List<IReadOnlyDictionary<string, object?>>(), new HashSet<Guid>());
        void Place(IReadOnlyDictionary<string, object?> record)
        {
            if (!placed.Add((Guid)record[SystemFields.Id]!))
            {
                return; // placed already, or a circle of records naming each other
            }

            foreach (var field in own)
            {
                if (record.GetValueOrDefault(field.Name) is Guid parent && byId.TryGetValue(parent, out var first))
                {
                    Place(first);
                }
            }

            ordered.Add(record);
        }

        read.ForEach(Place);
        return ordered;
    }

    /// <summary>The entities with those each looks up (its lines' lookups included) before it; a circle keeps the order given.</summary>
    private static List<EntityDefinition> InLookupOrder(List<EntityDefinition> entities, RecordsSchema schema)
    {
        var ordered = new List<EntityDefinition>();
        var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Visit(EntityDefinition entity)
        {
            if (ordered.Contains(entity) || !visiting.Add(entity.Name))
            {
                return;
            }

            foreach (var target in Targets(entity, schema))
            {
                if (entities.FirstOrDefault(e => string.Equals(e.Name, target, StringComparison.OrdinalIgnoreCase)) is { } needed)
                {
                    Visit(needed);
                }
            }

            ordered.Add(entity);
        }

        foreach (var entity in entities.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            Visit(entity);
        }

        return ordered;
    }

    private static IEnumerable<string> Targets(EntityDefinition entity, RecordsSchema schema) =>
        entity.LiveFields.SelectMany(f => f.Type == FieldTypes.Lookup.Name ? [f.Target!]
            : f.Type == FieldTypes.Lines.Name && schema.Find(f.Target!) is { } lines ? lines.LiveFields.Where(l => l.Type == FieldTypes.Lookup.Name).Select(l => l.Target!)
            : []);
}
