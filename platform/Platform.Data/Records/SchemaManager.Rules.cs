using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

public sealed partial class SchemaManager
{
    /// <summary>
    /// Fields the document leaves out are removed, not dropped: they stay in the definition marked
    /// removed, with their column and data, until purged. A document naming them again restores them.
    /// </summary>
    private static void KeepRemovedFields(EntityDefinition? current, EntityDefinition target)
    {
        foreach (var gone in current?.Fields.Where(f => target.Field(f.Name) is null) ?? [])
        {
            var kept = MetadataJson.Read(MetadataJson.Write(new EntityDefinition { Fields = [gone] })).Fields[0];
            kept.Removed = true;
            target.Fields.Add(kept);
        }
    }

    /// <summary>Changes this version of the engine refuses rather than risk data: type changes come with their own checks.</summary>
    private static List<MetadataError> UnsupportedChanges(EntityDefinition? current, EntityDefinition target)
    {
        var errors = new List<MetadataError>();
        if (current is null)
        {
            return errors;
        }

        for (var i = 0; i < target.Fields.Count; i++)
        {
            var field = target.Fields[i];
            if (current.Field(field.Name) is { } existing && (existing.Type != field.Type || !string.Equals(existing.Target, field.Target, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new($"$.fields[{i}].type", $"Changing '{field.Name}' from {existing.Type} to {field.Type} is not supported yet; add a new field instead."));
            }
        }

        return errors;
    }

    private static IEnumerable<MetadataError> UnknownLookupTargets(RecordsSchema schema, EntityDefinition target, IReadOnlyCollection<string> alsoDefined)
    {
        for (var i = 0; i < target.Fields.Count; i++)
        {
            var field = target.Fields[i];
            if (field.Type == FieldTypes.Lookup.Name && field.Target is { } name
                && !string.Equals(name, target.Name, StringComparison.OrdinalIgnoreCase)
                && schema.Find(name) is null && !alsoDefined.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                yield return new($"$.fields[{i}].target", $"There is no entity named '{name}' to look up.");
            }
        }
    }

    /// <summary>A field can become unique only when no value is shared; otherwise the shared values are listed.</summary>
    private static async Task<List<MetadataError>> DuplicatesBlockingUniqueAsync(RecordsDbContext before, EntityDefinition? current, EntityDefinition target, CancellationToken cancellationToken)
    {
        var errors = new List<MetadataError>();
        for (var i = 0; current is not null && i < target.Fields.Count; i++)
        {
            var field = target.Fields[i];
            if (!field.Unique || current.Field(field.Name) is not { Unique: false } existing)
            {
                continue;
            }

            var clr = FieldTypes.Find(existing.Type)!.ClrType;
            var type = clr.IsValueType ? typeof(Nullable<>).MakeGenericType(clr) : clr;
            var query = (Task<List<(string Value, int Count)>>)DuplicatesMethod.MakeGenericMethod(type)
                .Invoke(null, [before, current.Name, existing.Name, cancellationToken])!;
            var shared = await query;
            if (shared.Count > 0)
            {
                var examples = string.Join(", ", shared.Select(d => $"'{d.Value}' ({d.Count} records)"));
                errors.Add(new($"$.fields[{i}].unique", $"'{field.Name}' cannot become unique while records share a value: {examples}{(shared.Count == 10 ? ", …" : "")}. Change those records first."));
            }
        }

        return errors;
    }

    private static readonly MethodInfo DuplicatesMethod = typeof(SchemaManager).GetMethod(nameof(SharedValuesAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<List<(string Value, int Count)>> SharedValuesAsync<T>(RecordsDbContext context, string entity, string field, CancellationToken cancellationToken)
    {
        var groups = await context.Set<Dictionary<string, object>>(entity)
            .Where(r => EF.Property<T>(r, field) != null)
            .GroupBy(r => EF.Property<T>(r, field))
            .Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count())
            .Take(10)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return groups.Select(g => (Convert.ToString(g.Key, CultureInfo.InvariantCulture) ?? "", g.Count)).ToList();
    }
}
