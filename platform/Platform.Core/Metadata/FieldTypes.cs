namespace Platform.Core.Metadata;

/// <summary>The field types the entity engine stores today, by name.</summary>
public static class FieldTypes
{
    public static readonly FieldType Text = new("text", typeof(string), DefaultMaxLength: 200);
    public static readonly FieldType LongText = new("longText", typeof(string));
    public static readonly FieldType WholeNumber = new("integer", typeof(long));
    public static readonly FieldType DecimalNumber = new("decimal", typeof(decimal), DefaultPrecision: 18, DefaultScale: 4);
    public static readonly FieldType Money = new("money", typeof(decimal), DefaultPrecision: 19, DefaultScale: 4);
    public static readonly FieldType Percent = new("percent", typeof(decimal), DefaultPrecision: 9, DefaultScale: 4);
    public static readonly FieldType Date = new("date", typeof(DateOnly));
    public static readonly FieldType DateTime = new("datetime", typeof(DateTimeOffset));
    public static readonly FieldType YesNo = new("boolean", typeof(bool));
    public static readonly FieldType Choice = new("choice", typeof(string), DefaultMaxLength: 100);
    public static readonly FieldType Email = new("email", typeof(string), DefaultMaxLength: 320);
    public static readonly FieldType Phone = new("phone", typeof(string), DefaultMaxLength: 50);
    public static readonly FieldType Url = new("url", typeof(string), DefaultMaxLength: 2000);

    /// <summary>A reference to a record of <see cref="FieldDefinition.Target"/> (many-to-one), stored as its id.</summary>
    public static readonly FieldType Lookup = new("lookup", typeof(Guid));

    /// <summary>A person who can sign in (a user id), e.g. the sales representative.</summary>
    public static readonly FieldType User = new("user", typeof(string), DefaultMaxLength: 64);

    /// <summary>A department of the organisation tree (a department id).</summary>
    public static readonly FieldType Department = new("department", typeof(string), DefaultMaxLength: 64);

    /// <summary>A number the platform assigns on create from <see cref="FieldDefinition.Format"/>, e.g. <c>SO-{yyyy}{MM}-{#####}</c>.</summary>
    public static readonly FieldType AutoNumber = new("autoNumber", typeof(string), DefaultMaxLength: 100);

    /// <summary>Several of the choices at once (tags, product lines of interest); stored as the values in choice order.</summary>
    public static readonly FieldType MultiChoice = new("multiChoice", typeof(string), DefaultMaxLength: 1000);

    /// <summary>
    /// A value the platform calculates from <see cref="FieldDefinition.Formula"/>; stored (so lists
    /// filter and sort on it) as its <see cref="FieldDefinition.ResultType"/>.
    /// </summary>
    public static readonly FieldType Computed = new("computed", typeof(object));

    /// <summary>The types a computed field's formula may give.</summary>
    public static IReadOnlyList<FieldType> ComputedResults { get; } = [Text, WholeNumber, DecimalNumber, Money, Percent, Date, DateTime, YesNo];

    /// <summary>Files attached to the record (contracts, scans); stored as their descriptions, the bytes in the file store.</summary>
    public static readonly FieldType Attachment = new("attachment", typeof(string));

    /// <summary>Pictures (product photos): attachments that must be PNG, JPEG, GIF or WebP.</summary>
    public static readonly FieldType Image = new("image", typeof(string));

    /// <summary>
    /// The lines of a document (order lines): records of <see cref="FieldDefinition.Target"/>, a line
    /// entity, created, changed, reordered and removed together with their parent in one save.
    /// </summary>
    public static readonly FieldType Lines = new("lines", typeof(void));

    public static IReadOnlyDictionary<string, FieldType> All { get; } =
        new[] { Text, LongText, WholeNumber, DecimalNumber, Money, Percent, Date, DateTime, YesNo, Choice, Email, Phone, Url, Lookup, AutoNumber, User, Department, Lines, MultiChoice, Computed, Attachment, Image }
            .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static FieldType? Find(string? name) => name is not null && All.TryGetValue(name, out var type) ? type : null;

    /// <summary>How the field's value is stored: its own type, or for computed fields the type of their result.</summary>
    public static FieldType StorageOf(FieldDefinition field)
    {
        var type = Find(field.Type) ?? throw new InvalidOperationException($"Unknown field type '{field.Type}'.");
        return type == Computed ? Find(field.ResultType) ?? throw new InvalidOperationException($"Computed field '{field.Name}' has no result type.") : type;
    }
}
