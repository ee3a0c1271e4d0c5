using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.OcrCapture.Records;

/// <summary>
/// The <c>records</c> part of a form template: which entity a confirmed sheet becomes, which cell fills which field,
/// how the rows' line items become lines, and what makes two sheets the same order.
/// </summary>
/// <example>
/// <code>
/// "records": {
///   "entity": "fair_order",
///   "fields": { "dealer_code": "dealer_code", "dealer": { "cell": "dealer_code", "by": "code" },
///               "delivery": { "ticked": { "urgent": "urgent", "regular": "regular" } } },
///   "sheetField": "scan",
///   "lines": { "field": "lines", "rows": "lines", "fields": { "style_no": "style_no", "size": "size", "quantity": "quantity" } },
///   "duplicateKey": [ "dealer_code", "order_date", "lines" ]
/// }
/// </code>
/// </example>
public sealed class SheetMapping
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new FieldSourceConverter() },
    };

    public string Entity { get; set; } = "";

    /// <summary>The record's fields by name, each filled from a header cell or a group of check boxes.</summary>
    public Dictionary<string, FieldSource> Fields { get; set; } = [];

    /// <summary>A text field that is given where the sheet came from (batch and page), so an order leads back to its scan.</summary>
    public string? SheetField { get; set; }

    public LineMapping? Lines { get; set; }

    /// <summary>Record fields (and the lines field, for every line) that together tell a sheet scanned twice.</summary>
    public List<string> DuplicateKey { get; set; } = [];

    /// <summary>The mapping of a template definition, or null when it has none.</summary>
    /// <exception cref="JsonException">The mapping is not well formed.</exception>
    public static SheetMapping? Of(JsonElement? records) =>
        records is { ValueKind: JsonValueKind.Object } element ? element.Deserialize<SheetMapping>(Json) : null;
}

/// <summary>
/// How the line items of a row group become the record's lines: each line item the reader makes of a row (one per
/// written size when the group is a size grid) becomes a line, its values named as the template names them.
/// </summary>
public sealed class LineMapping
{
    /// <summary>The record's <c>lines</c> field.</summary>
    public string Field { get; set; } = "";

    /// <summary>The template's row group.</summary>
    public string Rows { get; set; } = "";

    /// <summary>
    /// Line fields by name, each filled from a value of the line item (<see cref="FieldSource.Cell"/>: a cell of the row, or the
    /// size grid's size or quantity), a lookup found by that value when <see cref="FieldSource.By"/> is given.
    /// </summary>
    public Dictionary<string, FieldSource> Fields { get; set; } = [];
}

/// <summary>
/// Where a record field's value comes from: one cell, or the one ticked box of a group. A lookup field is filled with the
/// record of its entity whose field <see cref="By"/> holds what the cell reads (a dealer by its code).
/// </summary>
public sealed record FieldSource(string? Cell, IReadOnlyDictionary<string, string>? Ticked, string? By = null)
{
    /// <summary>A value filled straight from a cell (or a line item's value).</summary>
    public static implicit operator FieldSource(string cell) => new(cell, null);

    /// <summary>Every cell the source reads.</summary>
    public IEnumerable<string> Cells => Cell is not null ? [Cell] : Ticked?.Values ?? [];
}

/// <summary>
/// A field's source is written as the cell's name, as <c>{ "cell": "dealer_code", "by": "code" }</c> for a lookup, or as
/// <c>{ "ticked": { "value": "check cell", … } }</c>.
/// </summary>
internal sealed class FieldSourceConverter : JsonConverter<FieldSource>
{
    public override FieldSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new FieldSource(reader.GetString(), null);
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Count() == 2
            && root.TryGetProperty("cell", out var cell) && cell.ValueKind == JsonValueKind.String && cell.GetString() is { Length: > 0 } cellName
            && root.TryGetProperty("by", out var by) && by.ValueKind == JsonValueKind.String && by.GetString() is { Length: > 0 } byName)
        {
            return new FieldSource(cellName, null, byName);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ticked", out var ticked)
            || ticked.ValueKind != JsonValueKind.Object || root.EnumerateObject().Count() != 1)
        {
            throw new JsonException("A field's source is a cell's name, { \"cell\": \"cell\", \"by\": \"field of the looked-up entity\" } or { \"ticked\": { \"value\": \"check cell\" } }.");
        }

        return new FieldSource(null, ticked.Deserialize<Dictionary<string, string>>(options));
    }

    public override void Write(Utf8JsonWriter writer, FieldSource value, JsonSerializerOptions options)
    {
        if (value is { Cell: not null, By: null })
        {
            writer.WriteStringValue(value.Cell);
            return;
        }

        if (value.Cell is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("cell", value.Cell);
            writer.WriteString("by", value.By);
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName("ticked");
        JsonSerializer.Serialize(writer, value.Ticked, options);
        writer.WriteEndObject();
    }
}
