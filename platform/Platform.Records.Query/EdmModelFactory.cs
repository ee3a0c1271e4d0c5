using Microsoft.OData.Edm;
using Platform.Core.Metadata;
using Platform.Records;

namespace Platform.Records.Query;

/// <summary>
/// The OData (EDM) model of the current entities: one entity type and one entity set per entity,
/// named by API name, system fields included. Built per schema version and cached.
/// </summary>
public static class EdmModelFactory
{
    public const string Namespace = "Platform";

    /// <summary>
    /// A lookup's value is its id (<c>customer</c>, filterable and writable as is); the record it
    /// names is the navigation property <c>customerRecord</c>, for <c>$expand</c>.
    /// </summary>
    public const string LookupRecordSuffix = MetadataValidator.LookupRecordSuffix;

    /// <summary>A line's record it belongs to (the order of an order line), for conditions and <c>$expand</c> (<c>parentRecord/orderDate</c>).</summary>
    public const string ParentRecord = "parentRecord";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IEdmModel> Cache = new();

    public static IEdmModel For(RecordsSchema schema) => Cache.GetOrAdd(schema.Version, _ => Build(schema));

    private static EdmModel Build(RecordsSchema schema)
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, "Records");
        model.AddElement(container);
        var types = new Dictionary<string, (EdmEntityType Type, EdmEntitySet Set)>(StringComparer.OrdinalIgnoreCase);
        // Attachment and image fields hold a list of these.
        var file = new EdmComplexType(Namespace, "File");
        file.AddStructuralProperty("id", EdmPrimitiveTypeKind.Guid, isNullable: false);
        file.AddStructuralProperty("name", EdmPrimitiveTypeKind.String, isNullable: false);
        file.AddStructuralProperty("size", EdmPrimitiveTypeKind.Int64, isNullable: false);
        file.AddStructuralProperty("contentType", EdmPrimitiveTypeKind.String, isNullable: false);
        model.AddElement(file);
        foreach (var entity in schema.Entities)
        {
            var type = new EdmEntityType(Namespace, entity.Name);
            var id = type.AddStructuralProperty(SystemFields.Id, EdmPrimitiveTypeKind.Guid, isNullable: false);
            type.AddKeys(id);
            type.AddStructuralProperty(SystemFields.CreatedAt, EdmPrimitiveTypeKind.DateTimeOffset, isNullable: false);
            type.AddStructuralProperty(SystemFields.CreatedBy, EdmPrimitiveTypeKind.String, isNullable: false);
            type.AddStructuralProperty(SystemFields.UpdatedAt, EdmPrimitiveTypeKind.DateTimeOffset, isNullable: false);
            type.AddStructuralProperty(SystemFields.UpdatedBy, EdmPrimitiveTypeKind.String, isNullable: false);
            type.AddStructuralProperty(SystemFields.Owner, EdmPrimitiveTypeKind.String, isNullable: true);
            type.AddStructuralProperty(SystemFields.Department, EdmPrimitiveTypeKind.String, isNullable: true);
            type.AddStructuralProperty(SystemFields.RowVersion, EdmPrimitiveTypeKind.Int32, isNullable: false);
            if (schema.ParentOf(entity.Name) is not null)
            {
                type.AddStructuralProperty(SystemFields.ParentId, EdmPrimitiveTypeKind.Guid, isNullable: false);
                type.AddStructuralProperty(SystemFields.LineNumber, EdmPrimitiveTypeKind.Int32, isNullable: false);
            }

            foreach (var field in entity.LiveFields.Where(f => FieldTypes.Find(f.Type)!.HasColumn))
            {
                type.AddStructuralProperty(field.Name, FieldTypes.Find(field.Type)!.HoldsFiles
                    ? new EdmCollectionTypeReference(new EdmCollectionType(new EdmComplexTypeReference(file, isNullable: false)))
                    : TypeOf(field));
            }

            model.AddElement(type);
            types[entity.Name] = (type, container.AddEntitySet(entity.Name, type));
        }

        foreach (var entity in schema.Entities)
        {
            var (type, set) = types[entity.Name];
            foreach (var field in entity.LiveFields.Where(f => f.Target is not null && types.ContainsKey(f.Target)))
            {
                var target = types[field.Target!];
                var lines = field.Type == FieldTypes.Lines.Name;
                var navigation = type.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
                {
                    Name = lines ? field.Name : field.Name + LookupRecordSuffix,
                    Target = target.Type,
                    TargetMultiplicity = lines ? EdmMultiplicity.Many : EdmMultiplicity.ZeroOrOne,
                });
                set.AddNavigationTarget(navigation, target.Set);
            }

            if (schema.ParentOf(entity.Name) is { Parent: var parent } && types.TryGetValue(parent.Name, out var owner) && type.FindProperty(ParentRecord) is null)
            {
                var up = type.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo { Name = ParentRecord, Target = owner.Type, TargetMultiplicity = EdmMultiplicity.ZeroOrOne });
                set.AddNavigationTarget(up, owner.Set);
            }
        }

        return model;
    }

    /// <summary>Decimals carry their precision and scale and texts their length, so clients size columns right.</summary>
    private static IEdmTypeReference TypeOf(FieldDefinition field)
    {
        var type = FieldTypes.StorageOf(field);
        if (type == FieldTypes.MultiChoice)
        {
            return new EdmCollectionTypeReference(new EdmCollectionType(EdmCoreModel.Instance.GetString(isNullable: false)));
        }

        return KindOf(field) switch
        {
            EdmPrimitiveTypeKind.Decimal => EdmCoreModel.Instance.GetDecimal(field.Precision ?? type.DefaultPrecision, field.Scale ?? type.DefaultScale, isNullable: true),
            EdmPrimitiveTypeKind.String when (field.MaxLength ?? type.DefaultMaxLength) is { } length =>
                EdmCoreModel.Instance.GetString(isUnbounded: false, maxLength: length, isUnicode: true, isNullable: true),
            var kind => EdmCoreModel.Instance.GetPrimitive(kind, isNullable: true),
        };
    }

    private static EdmPrimitiveTypeKind KindOf(FieldDefinition field) => FieldTypes.StorageOf(field).ClrType switch
    {
        var t when t == typeof(long) => EdmPrimitiveTypeKind.Int64,
        var t when t == typeof(decimal) => EdmPrimitiveTypeKind.Decimal,
        var t when t == typeof(DateOnly) => EdmPrimitiveTypeKind.Date,
        var t when t == typeof(DateTimeOffset) => EdmPrimitiveTypeKind.DateTimeOffset,
        var t when t == typeof(bool) => EdmPrimitiveTypeKind.Boolean,
        var t when t == typeof(Guid) => EdmPrimitiveTypeKind.Guid,
        _ => EdmPrimitiveTypeKind.String,
    };
}
