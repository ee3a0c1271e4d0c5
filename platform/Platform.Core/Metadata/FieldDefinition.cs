using System.Text.Json.Serialization;
using Platform.Core.Fields;

namespace Platform.Core.Metadata;

/// <summary>One field of an entity. Which of the optional settings apply depends on <see cref="Type"/>.</summary>
public sealed class FieldDefinition
{
    public string Name { get; set; } = "";

    public LocalizedText Label { get; set; } = [];

    /// <summary>One of <see cref="FieldTypes"/>' names, e.g. <c>text</c>, <c>money</c>, <c>choice</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The field's kind, which knows its checks, storage, reading and display; null for an unknown type name.</summary>
    [JsonIgnore]
    public FieldType? Kind => FieldTypes.Find(Type);

    /// <summary>The kind its values behave as on pages, in filters and imports: a computed field's result type, otherwise <see cref="Kind"/>.</summary>
    [JsonIgnore]
    public FieldType? ValueKind => FieldTypes.ValueKindOf(this);

    /// <summary>Storage column, assigned when the field is first created and never changed by renames.</summary>
    public string? Column { get; set; }

    public bool Required { get; set; }

    public bool Unique { get; set; }

    /// <summary>
    /// Field-level security: only roles granted <c>Records.{entity}.Field.{name}.Read</c> see the field, and only those granted
    /// <c>.Update</c> change it; for everyone else it is left out everywhere a value can leave or enter (forms, lists, the API,
    /// exports, imports, the audit trail, scripts' lookups). Administrators and the platform see every field.
    /// </summary>
    public bool Secured { get; set; }

    /// <summary>
    /// For a number column of line items: whether the grid's total row sums it. Unset, the kind
    /// decides (quantities and amounts do, per cents do not); set it off for prices and rates.
    /// </summary>
    public bool? LinesTotal { get; set; }

    /// <summary>Whether a line grid sums this column: <see cref="LinesTotal"/> when set, else what its value kind says.</summary>
    [JsonIgnore]
    public bool AddsUpInLines => ValueKind?.Offers(FieldSetting.LinesTotal) == true && (LinesTotal ?? ValueKind.AddsUp(this));

    public int? MaxLength { get; set; }

    public int? Precision { get; set; }

    public int? Scale { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>A regular expression the value must match (text-like fields).</summary>
    public string? Pattern { get; set; }

    public List<ChoiceOption>? Choices { get; set; }

    /// <summary>For auto-numbers: the pattern, with date tokens and one counter token, e.g. <c>SO-{yyyy}{MM}-{#####}</c>.</summary>
    public string? Format { get; set; }

    /// <summary>
    /// For auto-numbers: a number is drawn in a moment of its own rather than held by the save until it commits. A refused save
    /// then leaves a gap in the series, but a long change (an import of thousands of rows) never makes everyone else's saves
    /// wait for its numbers. Off: numbers without gaps, drawn in the save's transaction (invoices, receipts).
    /// </summary>
    public bool AllowGaps { get; set; }

    /// <summary>For lookups: the entity whose records this field refers to.</summary>
    public string? Target { get; set; }

    /// <summary>For lookups: what deleting the referenced record does — <c>restrict</c> (default), <c>setNull</c> or <c>cascade</c>.</summary>
    public string? OnDelete { get; set; }

    public string? Description { get; set; }

    /// <summary>
    /// Set for fields lists and queries filter or sort on (status, order date): the column gets an
    /// index. Lookups, unique fields and auto-numbers are indexed anyway.
    /// </summary>
    public bool Indexed { get; set; }

    /// <summary>A JavaScript expression giving the value of a new record's field when none is given, e.g. <c>today()</c> or <c>user.department</c>.</summary>
    public string? Default { get; set; }

    /// <summary>Form condition: the field shows only while this JavaScript expression is true.</summary>
    public string? VisibleWhen { get; set; }

    /// <summary>Form condition: the field cannot be changed while this is true (the server refuses a change too).</summary>
    public string? ReadOnlyWhen { get; set; }

    /// <summary>Form condition: the field must have a value while this is true (checked on save).</summary>
    public string? RequiredWhen { get; set; }

    /// <summary>
    /// On a submittable document (or its lines): the field may still be changed once the document is submitted — a delivery date
    /// moved, an order closed — by whoever may change the record; everything else stays as submitted.
    /// </summary>
    public bool AllowOnSubmit { get; set; }

    /// <summary>For computed fields: the JavaScript expression giving the value, e.g. <c>record.quantity * record.unitPrice</c>.</summary>
    public string? Formula { get; set; }

    /// <summary>For computed fields: the type of the value the formula gives (text, integer, decimal, money, percent, date, datetime or boolean).</summary>
    public string? ResultType { get; set; }

    /// <summary>
    /// Set when the field was taken out of the entity: its column and data stay (hidden from forms,
    /// the API and rules) until an explicit purge; putting the field back restores it.
    /// </summary>
    public bool Removed { get; set; }
}
