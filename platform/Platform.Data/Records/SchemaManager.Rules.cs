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
    private static void KeepRemovedFields(EntityDefinition? current, EntityDefinition target, Dictionary<FieldDefinition, FieldDefinition> matches)
    {
        var continued = matches.Values.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var gone in current?.Fields.Where(f => !continued.Contains(f)) ?? [])
        {
            var kept = MetadataJson.Read(MetadataJson.Write(new EntityDefinition { Fields = [gone] })).Fields[0];
            kept.Removed = true;
            target.Fields.Add(kept);
        }
    }

    /// <summary>Changes this version of the engine refuses rather than risk data: type changes come with their own checks.</summary>
    private static List<MetadataError> UnsupportedChanges(EntityDefinition? current, EntityDefinition target, Dictionary<FieldDefinition, FieldDefinition> matches)
    {
        var errors = new List<MetadataError>();
        if (current is null)
        {
            return errors;
        }

        for (var i = 0; i < target.Fields.Count; i++)
        {
            var field = target.Fields[i];
            if (!matches.TryGetValue(field, out var existing))
            {
                continue;
            }

            if (!CanConvert(existing.Type, field.Type))
            {
                errors.Add(new($"$.fields[{i}].type", $"'{field.Name}' cannot change from {existing.Type} to {field.Type}: its values do not convert. Add a new field instead.") { Code = "schema.typeChange", Arguments = [field.Name, existing.Type, field.Type] });
            }
            else if (!string.Equals(existing.Target, field.Target, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new($"$.fields[{i}].target", $"'{field.Name}' refers to {existing.Target}; it cannot be pointed at {field.Target}. Add a new field instead.") { Code = "schema.retarget", Arguments = [field.Name, existing.Target, field.Target] });
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
                yield return new($"$.fields[{i}].target", $"There is no entity named '{name}' to look up.") { Code = "schema.noTarget", Arguments = [name] };
            }
        }
    }

    /// <summary>
    /// Line items go one level deep and a line entity belongs to one parent: an order's lines
    /// cannot have lines of their own, be the lines of an invoice too, or (a cycle) hold the order.
    /// </summary>
    private static IEnumerable<MetadataError> LineItemConflicts(RecordsSchema schema, EntityDefinition target, IReadOnlyCollection<string> alsoDefined)
    {
        var parentOfTarget = schema.ParentOf(target.Name);
        for (var i = 0; i < target.Fields.Count; i++)
        {
            var field = target.Fields[i];
            if (field.Type != FieldTypes.Lines.Name || field.Target is not { } lineName)
            {
                continue;
            }

            var at = $"$.fields[{i}].target";
            var line = schema.Find(lineName);
            var owner = schema.ParentOf(lineName);
            if (string.Equals(lineName, target.Name, StringComparison.OrdinalIgnoreCase))
            {
                yield return new(at, $"'{target.Name}' cannot hold lines of itself (a line-item cycle).");
            }
            else if (parentOfTarget is { } parent && string.Equals(parent.Parent.Name, lineName, StringComparison.OrdinalIgnoreCase))
            {
                yield return new(at, $"Line-item cycle: '{target.Name}' is already the lines of '{lineName}', so '{lineName}' cannot be its lines.");
            }
            else if (parentOfTarget is { } holder)
            {
                yield return new(at, $"'{target.Name}' is the lines of '{holder.Parent.Name}'; line items go one level deep, so it cannot have lines of its own.");
            }
            else if (line is null && !alsoDefined.Contains(lineName, StringComparer.OrdinalIgnoreCase))
            {
                yield return new(at, $"There is no entity named '{lineName}' to hold the lines.");
            }
            else if (owner is { } taken && (!string.Equals(taken.Parent.Name, target.Name, StringComparison.OrdinalIgnoreCase) || !string.Equals(taken.Field.Name, field.Name, StringComparison.OrdinalIgnoreCase)))
            {
                yield return new(at, $"'{lineName}' already holds the lines of {taken.Parent.Name}.{taken.Field.Name}; a line entity belongs to one field of one entity.");
            }
            else if (line is not null && line.Fields.Any(f => f.Type == FieldTypes.Lines.Name))
            {
                yield return new(at, $"'{lineName}' has line items of its own; line items go one level deep.");
            }
        }
    }

    /// <summary>Records of an entity that becomes a line entity would belong to no parent: it must be empty.</summary>
    private static async Task<List<MetadataError>> RecordsBlockingLinesAsync(RecordsDbContext before, Dictionary<FieldDefinition, FieldDefinition> matches, EntityDefinition target, CancellationToken cancellationToken)
    {
        var errors = new List<MetadataError>();
        for (var i = 0; i < target.Fields.Count; i++)
        {
            var field = target.Fields[i];
            if (field.Type != FieldTypes.Lines.Name || matches.ContainsKey(field) || before.Schema.Find(field.Target!) is not { } line)
            {
                continue;
            }

            var count = await before.Set<Dictionary<string, object>>(line.Name).CountAsync(cancellationToken);
            if (count > 0)
            {
                errors.Add(new($"$.fields[{i}].target", $"'{line.Name}' already holds {count} record(s) that would belong to no {target.Name}; line entities start empty.") { Code = "schema.linesNotEmpty", Arguments = [line.Name, count, target.Name] });
            }
        }

        return errors;
    }

    /// <summary>A field can become unique only when no value is shared; otherwise the shared values are listed.</summary>
    private static async Task<List<MetadataError>> DuplicatesBlockingUniqueAsync(RecordsDbContext before, EntityDefinition? current, EntityDefinition target, Dictionary<FieldDefinition, FieldDefinition> matches, CancellationToken cancellationToken)
    {
        var errors = new List<MetadataError>();
        for (var i = 0; current is not null && i < target.Fields.Count; i++)
        {
            var field = target.Fields[i];
            if (!field.Unique || !matches.TryGetValue(field, out var existing) || existing.Unique)
            {
                continue;
            }

            var clr = FieldTypes.StorageOf(existing).ClrType;
            var type = clr.IsValueType ? typeof(Nullable<>).MakeGenericType(clr) : clr;
            var query = (Task<List<(string Value, int Count)>>)DuplicatesMethod.MakeGenericMethod(type)
                .Invoke(null, [before, current.Name, existing.Name, cancellationToken])!;
            var shared = await query;
            if (shared.Count > 0)
            {
                var examples = string.Join(", ", shared.Select(d => $"'{d.Value}' ({d.Count} records)"));
                errors.Add(new($"$.fields[{i}].unique", $"'{field.Name}' cannot become unique while records share a value: {examples}{(shared.Count == 10 ? ", …" : "")}. Change those records first.")
                {
                    Code = "schema.notUnique", Arguments = [field.Name, string.Join("、", shared.Select(d => $"'{d.Value}' ×{d.Count}")) + (shared.Count == 10 ? " …" : "")],
                });
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
