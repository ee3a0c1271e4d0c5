namespace Platform.Core.Metadata;

/// <summary>
/// A business entity as analysts define it (Customer, SalesOrder). The JSON form of this class is
/// the document that app packages and the metadata API exchange.
/// </summary>
public sealed class EntityDefinition
{
    /// <summary>API name, e.g. <c>customer</c>; letters, digits and underscores, starting with a letter.</summary>
    public string Name { get; set; } = "";

    public LocalizedText Label { get; set; } = [];

    public LocalizedText PluralLabel { get; set; } = [];

    public string? Description { get; set; }

    /// <summary>A Material Symbols icon name for menus and pages (<c>receipt_long</c>).</summary>
    public string? Icon { get; set; }

    /// <summary>
    /// The main menu's group the entity's list shows in (销售 / Sales), beside the groups packages
    /// bring; a group of the same name holds both. Null: the list is reached from 数据 / Data only.
    /// </summary>
    public LocalizedText? MenuGroup { get; set; }

    /// <summary>The field whose value names a record in lists and pickers.</summary>
    public string? TitleField { get; set; }

    /// <summary>Storage table, assigned when the entity is first created and never changed by renames.</summary>
    public string? Table { get; set; }

    public List<FieldDefinition> Fields { get; set; } = [];

    /// <summary>Combinations of fields that must be unique together; single fields use <see cref="FieldDefinition.Unique"/>.</summary>
    public List<UniqueKey>? UniqueKeys { get; set; }

    /// <summary>Indexes over several fields, for the filters and sorts lists use most (single fields use <see cref="FieldDefinition.Indexed"/>).</summary>
    public List<IndexDefinition>? Indexes { get; set; }

    /// <summary>How the generated form arranges the fields; one two-column section in field order when null.</summary>
    public FormLayout? Form { get; set; }

    /// <summary>Validation and before-save rules, in JavaScript.</summary>
    public List<RuleDefinition>? Rules { get; set; }

    /// <summary>Buttons on the entity's records that run a script (convert, claim, copy, make an order).</summary>
    public List<RecordActionDefinition>? Actions { get; set; }

    /// <summary>
    /// Records are documents that are submitted (then read-only), cancelled (void, never deleted) and amended (copied into a new
    /// draft): see <see cref="DocumentStatus"/>.
    /// </summary>
    public bool Submittable { get; set; }

    /// <summary>The part the entity plays in the stock ledger: items, warehouses, or documents whose submission moves stock.</summary>
    public Stock.StockDefinition? Stock { get; set; }

    /// <summary>What the lines of this document fulfil when it is submitted: ordered quantities delivered, amounts billed.</summary>
    public List<Documents.Fulfilment>? Fulfils { get; set; }

    /// <summary>Duplicate checks (查重): which records count as the same customer, contact or product, and whether that only warns or refuses the save.</summary>
    public List<DuplicateRule>? Duplicates { get; set; }

    /// <summary>A field by name, removed ones included (storage and schema evolution need those).</summary>
    public FieldDefinition? Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The fields records have today: removed fields left out.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<FieldDefinition> LiveFields => Fields.Where(f => !f.Removed);

    /// <summary>A field records have today, by name; null for unknown and removed fields.</summary>
    public FieldDefinition? LiveField(string name) => Field(name) is { Removed: false } field ? field : null;

    /// <summary>The field naming a record in pickers, lists, exports and titles: the title field, else the first text or auto-number field.</summary>
    public FieldDefinition? NamingField() =>
        (TitleField is { } name ? LiveField(name) : null) ?? LiveFields.FirstOrDefault(f => f.Kind == FieldTypes.Text || f.Kind == FieldTypes.AutoNumber);
}
