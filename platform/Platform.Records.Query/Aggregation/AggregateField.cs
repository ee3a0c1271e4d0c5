using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Fields;
using Platform.Core.Metadata;

namespace Platform.Records.Query.Aggregation;

/// <summary>
/// A field a report groups by or measures, checked against the entity and what the reader may see: its definition (null for a
/// system field: who created or owns a record, its department, when it was created or changed) and the type EF Core reads it as.
/// A field of the record a lookup points at is named by its path (<c>customer/region</c>) and read through the lookup.
/// </summary>
public sealed record AggregateField(string Name, FieldDefinition? Definition, Type ClrType)
{
    /// <summary>For a field read through a lookup: the scalar subquery that reads it for a row.</summary>
    private Func<ParameterExpression, Expression>? Through { get; init; }

    /// <summary>Whether it is read through a lookup (<c>customer/region</c>).</summary>
    public bool IsPath => Through is not null;

    /// <summary>How an OData condition names it: the field itself, or through the lookup's record (<c>customerRecord/region</c>).</summary>
    public string ODataName => IsPath ? LookupReach.NavigationOf(Name[..Name.IndexOf('/', StringComparison.Ordinal)]) + Name[Name.IndexOf('/', StringComparison.Ordinal)..] : Name;

    /// <summary>The kinds of system field a report may use, as the field kind they read like.</summary>
    private static readonly Dictionary<string, FieldType> SystemKinds = new(StringComparer.Ordinal)
    {
        [SystemFields.CreatedAt] = FieldTypes.DateTime,
        [SystemFields.UpdatedAt] = FieldTypes.DateTime,
        [SystemFields.CreatedBy] = FieldTypes.User,
        [SystemFields.UpdatedBy] = FieldTypes.User,
        [SystemFields.Owner] = FieldTypes.User,
        [SystemFields.Department] = FieldTypes.Department,
    };

    /// <summary>The kind its values are stored as (a formula's result kind for a computed field).</summary>
    public FieldType Kind => Definition is null ? SystemKinds[Name[(Name.LastIndexOf('/') + 1)..]] : FieldTypes.StorageOf(Definition);

    public bool IsNumber => Kind.IsNumber;

    public bool IsDate => Underlying == typeof(DateOnly) || Underlying == typeof(DateTimeOffset);

    private Type Underlying => Nullable.GetUnderlyingType(ClrType) ?? ClrType;

    /// <summary><c>EF.Property&lt;T&gt;(row, name)</c>, as nullable: a group or measure over no value is null.</summary>
    public Expression Read(ParameterExpression row)
    {
        if (Through is not null)
        {
            return Through(row);
        }

        var type = ClrType.IsValueType && Nullable.GetUnderlyingType(ClrType) is null ? typeof(Nullable<>).MakeGenericType(ClrType) : ClrType;
        Expression value = Expression.Call(typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(ClrType), row, Expression.Constant(Name));
        return value.Type == type ? value : Expression.Convert(value, type);
    }

    /// <summary>The field <paramref name="name"/> of the reader's entity; refused (at <paramref name="path"/>) when there is none or the reader may not see it.</summary>
    public static AggregateField Resolve(IRecordReader reader, string? name, string path) => Resolve(reader.Entity, reader.Fields, name, path, LookupReach.Of(reader));

    /// <summary>The field <paramref name="name"/> of <paramref name="entity"/>; refused (at <paramref name="path"/>) when there is none or <paramref name="fields"/> hides it.</summary>
    /// <param name="reach">What may be read through lookups, for a path (<c>customer/region</c>); null: the entity's own fields only.</param>
    public static AggregateField Resolve(EntityDefinition entity, Core.Records.FieldAccess fields, string? name, string path, LookupReach? reach = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new AggregateRefusedException(path, "Reports.Error.NoField", "A field is needed here.");
        }

        if (name.IndexOf('/', StringComparison.Ordinal) is var slash and > 0)
        {
            return Looked(entity, fields, name, slash, path, reach);
        }

        var definition = entity.LiveField(name);
        var type = definition is null && !SystemKinds.ContainsKey(name) ? null
            : new FilterTranslator(entity, Expression.Parameter(typeof(Dictionary<string, object>))).ClrTypeOf(name);
        if (type is null)
        {
            throw new AggregateRefusedException(path, "Reports.Error.UnknownField", $"{entity.Name} has no field '{name}' to report on.", entity.Name, name);
        }

        if (!fields.MayRead(name))
        {
            throw new AggregateRefusedException(path, "Reports.Error.HiddenField", $"Your roles do not let you see the field '{name}' of {entity.Name}.", entity.Name, name);
        }

        var field = new AggregateField(name, definition, type);
        if (field.Kind.HoldsFiles)
        {
            throw new AggregateRefusedException(path, "Reports.Error.Files", $"'{name}' holds files: a report cannot group or measure them.", name);
        }

        return field;
    }

    /// <summary>A field of the record a lookup points at, one step deep: the lookup seen, the field there and seen.</summary>
    private static AggregateField Looked(EntityDefinition entity, Core.Records.FieldAccess fields, string name, int slash, string path, LookupReach? reach)
    {
        var (hop, field) = (name[..slash], name[(slash + 1)..]);
        var target = reach?.TargetOf(entity, hop);
        if (target is null || field.Contains('/', StringComparison.Ordinal))
        {
            throw new AggregateRefusedException(path, "Reports.Error.UnknownField", $"{entity.Name} has no field '{name}' to report on: a path goes through one lookup (customer/region).", entity.Name, name);
        }

        if (!fields.MayRead(hop))
        {
            throw new AggregateRefusedException(path, "Reports.Error.HiddenField", $"Your roles do not let you see the field '{hop}' of {entity.Name}.", entity.Name, hop);
        }

        var there = Resolve(target, reach!.Fields(target), field, path);
        var type = there.ClrType.IsValueType && Nullable.GetUnderlyingType(there.ClrType) is null ? typeof(Nullable<>).MakeGenericType(there.ClrType) : there.ClrType;
        return there with { Name = name, ClrType = type, Through = row => reach.Value(row, hop, target, field, path) };
    }
}
