using System.Globalization;
using Platform.Core.Metadata;

namespace Platform.Core.Fields;

/// <summary>
/// One kind of field (text, money, lookup, …): how it is stored, which settings it takes, how a value
/// typed in, imported from a spreadsheet or shown on a page reads, and how lists filter on it. Each
/// kind is a subclass in its own folder under <c>Fields/</c>; <see cref="FieldTypes"/> lists them.
/// Pages pick the kind's editor by <see cref="Name"/>, so adding a kind means adding its folder here
/// and its editor beside the others.
/// </summary>
public abstract class FieldType(string name, Type clrType)
{
    /// <summary>The name metadata documents use (<c>"money"</c>).</summary>
    public string Name { get; } = name;

    /// <summary>The CLR type of its column (<see cref="void"/> when it has none).</summary>
    public Type ClrType { get; } = clrType;

    public virtual int? DefaultMaxLength => null;

    public virtual int? DefaultPrecision => null;

    public virtual int? DefaultScale => null;

    public bool IsText => ClrType == typeof(string);

    public bool IsNumber => ClrType == typeof(decimal) || ClrType == typeof(long);

    /// <summary>False for line items: their values live in the line entity's own table, not in a column of the parent.</summary>
    public bool HasColumn => ClrType != typeof(void);

    /// <summary>Attachment and image fields: a list of files, not a value to compare, sort or index.</summary>
    public virtual bool HoldsFiles => false;

    /// <summary>The platform sets the value (a formula, a number series): nobody types it in, it takes no default and cannot be required.</summary>
    public virtual bool SetByPlatform => false;

    /// <summary>Whether <see cref="FieldDefinition.MaxLength"/> applies.</summary>
    public virtual bool Sized => IsText && !HoldsFiles;

    /// <summary>Whether the field may be indexed or be part of a unique key.</summary>
    public virtual bool Indexable => HasColumn && !HoldsFiles;

    /// <summary>Whether the field may take a default value.</summary>
    public bool TakesDefault => HasColumn && !HoldsFiles && !SetByPlatform;

    /// <summary>Whether the quick search of a list looks inside it.</summary>
    public virtual bool Searched => false;

    /// <summary>Whether it can name a record (the entity's title field).</summary>
    public virtual bool Names => false;

    /// <summary>Whether forms give it the whole width (long text, lines, files, several choices).</summary>
    public virtual bool Wide => false;

    /// <summary>Whether lists offer it as a column to show beside the title on cards and pickers.</summary>
    public virtual bool Summarises => HasColumn && !HoldsFiles;

    /// <summary>Whether an import may find existing records by it (a code, a number, an e-mail).</summary>
    public virtual bool IdentifiesRecords => false;

    /// <summary>Whether spreadsheets get the text people read (choice labels, 是/否) rather than the stored value.</summary>
    public virtual bool ExportsDisplayText => false;

    /// <summary>The settings the designer offers for this kind.</summary>
    public virtual FieldSetting Settings => FieldSetting.Required | FieldSetting.Unique | FieldSetting.Expressions;

    public bool Offers(FieldSetting setting) => (Settings & setting) == setting;

    /// <summary>Whether a column of <paramref name="field"/> in a line grid adds up in a total row by default (quantities and amounts do, rates do not); the field's <see cref="FieldDefinition.LinesTotal"/> overrides it.</summary>
    public virtual bool AddsUp(FieldDefinition field) => false;

    /// <summary>Which type changes keep the values (<see cref="CanChangeTo"/>).</summary>
    public virtual ValueFamily Family => ValueFamily.None;

    /// <summary>How lists filter on it (operators and literals).</summary>
    public virtual FilterKind Filter => FilterKind.None;

    /// <summary>
    /// The kind whose editor edits one value of this kind in a filter or a value box: long text,
    /// e-mail and the like are typed as plain text, several choices are picked one at a time.
    /// </summary>
    public virtual string EditedAs => Name;

    /// <summary>
    /// Type changes the engine carries out, each value converted and checked like a value typed in:
    /// among texts, among numbers, date to date-time, anything plain to text, text to numbers, dates,
    /// yes/no and several choices.
    /// </summary>
    public bool CanChangeTo(FieldType target) => target == this || (Family, target.Family) switch
    {
        (ValueFamily.Text, not ValueFamily.None) => true,
        (ValueFamily.Number, ValueFamily.Number or ValueFamily.Text) => true,
        (ValueFamily.Date, ValueFamily.Date or ValueFamily.Text) => true,
        (ValueFamily.YesNo, ValueFamily.Text) => true,
        _ => false,
    };

    /// <summary>
    /// The kind the field is stored as (a computed field's result type), after the checks that tell
    /// it; null when it cannot be known.
    /// </summary>
    public virtual FieldType? StorageChecked(FieldDefinition field, string path, List<MetadataError> errors) => this;

    /// <summary>
    /// The checks of this kind's own settings (a lookup's target, an auto-number's format, the
    /// choices), added to <paramref name="errors"/> at <paramref name="path"/> (<c>$.fields[3]</c>).
    /// The base refuses the settings that belong to other kinds.
    /// </summary>
    public virtual void CheckSettings(FieldDefinition field, string path, List<MetadataError> errors)
    {
        RefuseFormat(field, path, errors);
        RefuseTarget(field, path, errors);
        RefuseChoices(field, path, errors);
    }

    protected void RefuseFormat(FieldDefinition field, string path, List<MetadataError> errors)
    {
        if (field.Format is not null)
        {
            errors.Add(MetadataError.Coded($"{path}.format", "format.1", $"format applies to autoNumber fields, not {Name}.", Name));
        }
    }

    protected void RefuseTarget(FieldDefinition field, string path, List<MetadataError> errors)
    {
        if (field.Target is not null || field.OnDelete is not null)
        {
            errors.Add(MetadataError.Coded($"{path}.target", "target.3", $"target and onDelete apply to lookup fields, not {Name}.", Name));
        }
    }

    protected void RefuseChoices(FieldDefinition field, string path, List<MetadataError> errors)
    {
        if (field.Choices is { Count: > 0 })
        {
            errors.Add(MetadataError.Coded($"{path}.choices", "choices.1", $"choices apply to choice fields, not {Name}.", Name));
        }
    }

    /// <summary>
    /// A value given through the API, a form or a rule (JSON or CLR) as the stored value; null with a
    /// problem when it does not read as this kind.
    /// </summary>
    public virtual object? ReadInput(FieldDefinition field, object input, out FieldProblem? problem)
    {
        var value = StoredValue.Read(ClrType, input);
        problem = value is null ? new FieldProblem($"FieldTypes.Value.Not.{Name}") : null;
        return value;
    }

    /// <summary>Whether a read value keeps the field's limits (length, pattern, decimals, range); null when it does.</summary>
    public virtual FieldProblem? CheckValue(FieldDefinition field, object value) => StoredValue.CheckLimits(field, this, value);

    /// <summary>
    /// A spreadsheet cell as people type them (thousands separators, 2026年3月5日, 是/否); the base
    /// keeps the trimmed text. <paramref name="text"/> is the cell as trimmed text.
    /// </summary>
    public virtual FieldReading ReadCell(FieldDefinition field, object cell, string text) => FieldReading.Of(text);

    /// <summary>How a value reads on a page in <paramref name="culture"/>: dates as yyyy-MM-dd, yes/no in the reader's language, choices by label.</summary>
    public virtual string Display(FieldDefinition field, object value, CultureInfo culture) => value switch
    {
        decimal number => number.ToString("#,0.####", culture),
        long number => number.ToString("#,0", culture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool yes => culture.TwoLetterISOLanguageName == "zh" ? (yes ? "是" : "否") : (yes ? "Yes" : "No"),
        _ => Convert.ToString(value, culture) ?? "",
    };

    public override string ToString() => Name;
}
