namespace Platform.Core.Metadata;

/// <summary>
/// How a field type is stored: the CLR type of its column and its storage facets. Validation of a
/// type's own settings lives beside it in <see cref="FieldTypes"/>.
/// </summary>
public sealed record FieldType(string Name, Type ClrType, int? DefaultMaxLength = null, int? DefaultPrecision = null, int? DefaultScale = null)
{
    public bool IsText => ClrType == typeof(string);

    public bool IsNumber => ClrType == typeof(decimal) || ClrType == typeof(long);

    /// <summary>False for line items: their values live in the line entity's own table, not in a column of the parent.</summary>
    public bool HasColumn => ClrType != typeof(void);

    /// <summary>Attachment and image fields: a list of files, not a value to compare, sort or index.</summary>
    public bool HoldsFiles => Name is "attachment" or "image";
}
