using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

/// <summary>Maps entity definitions to EF Core: one table per entity, system columns first, one column per field.</summary>
public static class RecordsModel
{
    public static void Build(ModelBuilder model, RecordsSchema schema)
    {
        foreach (var entity in schema.Entities)
        {
            model.SharedTypeEntity<Dictionary<string, object>>(entity.Name, table => Map(table, entity, schema.ParentOf(entity.Name) is not null));
        }
    }

    private static void Map(EntityTypeBuilder<Dictionary<string, object>> table, EntityDefinition entity, bool isLineEntity)
    {
        table.ToTable(entity.Table ?? throw new InvalidOperationException($"Entity '{entity.Name}' has no table assigned."));
        table.IndexerProperty<Guid>(SystemFields.Id).HasColumnName("id").ValueGeneratedNever();
        table.HasKey(SystemFields.Id);
        table.IndexerProperty<DateTimeOffset>(SystemFields.CreatedAt).HasColumnName("created_at");
        table.IndexerProperty<string>(SystemFields.CreatedBy).HasColumnName("created_by").HasMaxLength(64).IsRequired();
        table.IndexerProperty<DateTimeOffset>(SystemFields.UpdatedAt).HasColumnName("updated_at");
        table.IndexerProperty<string>(SystemFields.UpdatedBy).HasColumnName("updated_by").HasMaxLength(64).IsRequired();
        table.IndexerProperty<string?>(SystemFields.Owner).HasColumnName("owner_id").HasMaxLength(64);
        table.IndexerProperty<string?>(SystemFields.Department).HasColumnName("department_id").HasMaxLength(64);
        table.IndexerProperty<int>(SystemFields.RowVersion).HasColumnName("row_version").IsConcurrencyToken();
        table.IndexerProperty<DateTimeOffset?>(SystemFields.DeletedAt).HasColumnName("deleted_at");
        table.HasIndex(SystemFields.Owner).HasDatabaseName($"ix_{entity.Table}_owner");
        table.HasIndex(SystemFields.Department).HasDatabaseName($"ix_{entity.Table}_department");

        if (isLineEntity)
        {
            // Lines are read by their parent, in order: one index serves both.
            table.IndexerProperty<Guid?>(SystemFields.ParentId).HasColumnName("parent_id");
            table.IndexerProperty<int?>(SystemFields.LineNumber).HasColumnName("line_no");
            table.HasIndex(SystemFields.ParentId, SystemFields.LineNumber).HasDatabaseName($"ix_{entity.Table}_parent");
        }

        foreach (var field in entity.Fields.Where(f => FieldTypes.Find(f.Type)?.HasColumn == true))
        {
            MapField(table, entity, field);
        }

        foreach (var key in entity.UniqueKeys ?? [])
        {
            var fields = key.Fields.Select(name => entity.Field(name)!.Name).ToArray();
            table.HasIndex(fields).IsUnique().HasDatabaseName($"ux_{entity.Table}_{key.Name.ToLowerInvariant()}");
        }

        foreach (var index in entity.Indexes ?? [])
        {
            var fields = index.Fields.Select(name => entity.Field(name)!.Name).ToArray();
            table.HasIndex(fields, $"ix_{entity.Table}_{index.Name.ToLowerInvariant()}").HasDatabaseName($"ix_{entity.Table}_{index.Name.ToLowerInvariant()}");
        }
    }

    private static void MapField(EntityTypeBuilder<Dictionary<string, object>> table, EntityDefinition entity, FieldDefinition field)
    {
        var type = FieldTypes.StorageOf(field);
        // Columns are nullable whatever "required" says: required is enforced by the engine, so making a
        // field required never needs a table rebuild and never fails on old rows.
        var clrType = type.ClrType.IsValueType ? typeof(Nullable<>).MakeGenericType(type.ClrType) : type.ClrType;
        var column = field.Column ?? throw new InvalidOperationException($"Field '{entity.Name}.{field.Name}' has no column assigned.");
        var property = table.IndexerProperty(clrType, field.Name).HasColumnName(column).IsRequired(false);
        if (type.IsText && (field.MaxLength ?? type.DefaultMaxLength) is { } maxLength)
        {
            property.HasMaxLength(maxLength);
        }

        if (type.ClrType == typeof(decimal))
        {
            property.HasPrecision(field.Precision ?? type.DefaultPrecision ?? 18, field.Scale ?? type.DefaultScale ?? 4);
        }

        if (type == FieldTypes.Lookup && !field.Unique)
        {
            // Lookups are filtered on and checked on every delete of the target: always indexed.
            table.HasIndex(field.Name).HasDatabaseName($"ix_{entity.Table}_{column}");
        }

        if (field.Indexed && !field.Unique && type != FieldTypes.Lookup)
        {
            table.HasIndex(field.Name).HasDatabaseName($"ix_{entity.Table}_{column}");
        }

        if (field.Unique || type == FieldTypes.AutoNumber)
        {
            table.HasIndex(field.Name).IsUnique().HasDatabaseName($"ux_{entity.Table}_{column}");
        }
    }
}
