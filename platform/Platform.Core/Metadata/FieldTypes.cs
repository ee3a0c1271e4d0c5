using Platform.Core.Fields;
using Platform.Core.Fields.Attachment;
using Platform.Core.Fields.AutoNumber;
using Platform.Core.Fields.CalendarDate;
using Platform.Core.Fields.Choice;
using Platform.Core.Fields.Computed;
using Platform.Core.Fields.DateAndTime;
using Platform.Core.Fields.DecimalNumber;
using Platform.Core.Fields.Department;
using Platform.Core.Fields.Email;
using Platform.Core.Fields.Image;
using Platform.Core.Fields.Lines;
using Platform.Core.Fields.LongText;
using Platform.Core.Fields.Lookup;
using Platform.Core.Fields.Money;
using Platform.Core.Fields.MultiChoice;
using Platform.Core.Fields.Percent;
using Platform.Core.Fields.Phone;
using Platform.Core.Fields.Text;
using Platform.Core.Fields.Url;
using Platform.Core.Fields.User;
using Platform.Core.Fields.WholeNumber;
using Platform.Core.Fields.YesNo;

namespace Platform.Core.Metadata;

/// <summary>The field kinds the platform knows, by name; each is a class in its own folder under <c>Fields/</c>.</summary>
public static class FieldTypes
{
    public static readonly FieldType Text = new TextFieldType();
    public static readonly FieldType LongText = new LongTextFieldType();
    public static readonly FieldType WholeNumber = new IntegerFieldType();
    public static readonly FieldType DecimalNumber = new DecimalFieldType();
    public static readonly FieldType Money = new MoneyFieldType();
    public static readonly FieldType Percent = new PercentFieldType();
    public static readonly FieldType Date = new DateFieldType();
    public static readonly FieldType DateTime = new DateTimeFieldType();
    public static readonly FieldType YesNo = new YesNoFieldType();
    public static readonly FieldType Choice = new ChoiceFieldType();
    public static readonly FieldType Email = new EmailFieldType();
    public static readonly FieldType Phone = new PhoneFieldType();
    public static readonly FieldType Url = new UrlFieldType();
    public static readonly FieldType Lookup = new LookupFieldType();
    public static readonly FieldType User = new UserFieldType();
    public static readonly FieldType Department = new DepartmentFieldType();
    public static readonly FieldType AutoNumber = new AutoNumberFieldType();
    public static readonly FieldType MultiChoice = new MultiChoiceFieldType();
    public static readonly FieldType Computed = new ComputedFieldType();
    public static readonly FieldType Attachment = new AttachmentFieldType();
    public static readonly FieldType Image = new ImageFieldType();
    public static readonly FieldType Lines = new LinesFieldType();

    /// <summary>The types a computed field's formula may give.</summary>
    public static IReadOnlyList<FieldType> ComputedResults { get; } = [Text, WholeNumber, DecimalNumber, Money, Percent, Date, DateTime, YesNo];

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

    /// <summary>
    /// The kind a value of the field behaves as on pages, in filters and in imports (a computed field's
    /// result type); null for an unknown type or a computed field without a result type.
    /// </summary>
    public static FieldType? ValueKindOf(FieldDefinition field) =>
        Find(field.Type) is { } type && type == Computed ? Find(field.ResultType) : Find(field.Type);
}
