using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Fields;
using Platform.Core.Metadata;

namespace Platform.Records.Query.Aggregation;

/// <summary>
/// A field a report groups by or measures, checked against the entity and what the reader may see: its definition (null for a
/// system field: who created or owns a record, its department, when it was created or changed) and the type EF Core reads it as.
/// </summary>
public sealed record AggregateField(string Name, FieldDefinition? Definition, Type ClrType)
{
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
    public FieldType Kind => Definition is null ? SystemKinds[Name] : FieldTypes.StorageOf(Definition);

    public bool IsNumber => Kind.IsNumber;

    public bool IsDate => Underlying == typeof(DateOnly) || Underlying == typeof(DateTimeOffset);

    private Type Underlying => Nullable.GetUnderlyingType(ClrType) ?? ClrType;

    /// <summary><c>EF.Property&lt;T&gt;(row, name)</c>, as nullable: a group or measure over no value is null.</summary>
    public Expression Read(ParameterExpression row)
    {
        var type = ClrType.IsValueType && Nullable.GetUnderlyingType(ClrType) is null ? typeof(Nullable<>).MakeGenericType(ClrType) : ClrType;
        Expression value = Expression.Call(typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(ClrType), row, Expression.Constant(Name));
        return value.Type == type ? value : Expression.Convert(value, type);
    }

    /// <summary>The field <paramref name="name"/> of the reader's entity; refused (at <paramref name="path"/>) when there is none or the reader may not see it.</summary>
    public static AggregateField Resolve(IRecordReader reader, string? name, string path) => Resolve(reader.Entity, reader.Fields, name, path);

    /// <summary>The field <paramref name="name"/> of <paramref name="entity"/>; refused (at <paramref name="path"/>) when there is none or <paramref name="fields"/> hides it.</summary>
    public static AggregateField Resolve(EntityDefinition entity, Core.Records.FieldAccess fields, string? name, string path)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new AggregateRefusedException(path, "Reports.Error.NoField", "A field is needed here.");
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
}
