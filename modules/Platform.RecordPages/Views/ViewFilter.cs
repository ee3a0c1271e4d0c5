using System.Globalization;
using Platform.Core.Fields;
using Platform.Core.Metadata;

namespace Platform.RecordPages.Views;

/// <summary>
/// Turns a view's conditions into one OData <c>$filter</c>, which the list query then parses
/// against the entity's model (so field names and values never reach SQL as text). Which operators
/// a field offers depends on its type; a value that does not read as the field's type is refused.
/// </summary>
public static class ViewFilter
{
    private static readonly string[] TextOperators = ["contains", "eq", "ne", "startswith", "empty", "notEmpty"];
    private static readonly string[] RangeOperators = ["eq", "ne", "gt", "ge", "lt", "le", "empty", "notEmpty"];
    private static readonly string[] PickOperators = ["eq", "ne", "empty", "notEmpty"];
    private static readonly string[] SetOperators = ["contains", "empty", "notEmpty"];

    /// <summary>Operators that need no value.</summary>
    public static bool TakesValue(string op) => op is not ("empty" or "notEmpty");

    /// <summary>Who a record belongs to, as conditions name it besides the entity's fields: its owner and its department (a public pool is "no owner").</summary>
    public static IReadOnlyList<FieldDefinition> Assignment { get; } =
    [
        new() { Name = SystemFields.Owner, Type = FieldTypes.User.Name, Label = LocalizedText.Of("负责人", "Owner") },
        new() { Name = SystemFields.Department, Type = FieldTypes.Department.Name, Label = LocalizedText.Of("所属部门", "Department") },
    ];

    /// <summary>The field a condition names: one of the entity's, or the owner or department.</summary>
    public static FieldDefinition? FieldOf(EntityDefinition entity, string? name) =>
        name is null ? null : entity.LiveField(name) ?? Assignment.FirstOrDefault(f => f.Name == name);

    /// <summary>The operators a field offers in the filter builder, in the order they are listed; none for lines and files.</summary>
    public static IReadOnlyList<string> OperatorsFor(FieldDefinition field) => KindOf(field) switch
    {
        FilterKind.Text => TextOperators,
        FilterKind.Number or FilterKind.Date or FilterKind.DateTime => RangeOperators,
        FilterKind.YesNo => ["eq"],
        FilterKind.Choice or FilterKind.Key or FilterKind.RecordId => PickOperators,
        FilterKind.Choices => SetOperators,
        _ => [],
    };

    /// <summary>The conditions as one OData condition (all must hold); null when there are none.</summary>
    /// <exception cref="ViewProblemException">A condition names no field, an operator the field does not offer, or a value that does not read.</exception>
    public static string? ToOData(EntityDefinition entity, IEnumerable<ViewCondition> conditions)
    {
        var parts = conditions.Select(c => Condition(entity, c)).ToList();
        return parts.Count == 0 ? null : string.Join(" and ", parts.Select(p => $"({p})"));
    }

    private static string Condition(EntityDefinition entity, ViewCondition condition)
    {
        var field = FieldOf(entity, condition.Field) ?? throw new ViewProblemException("RecordPages.Views.Error.NoField", condition.Field);
        var op = condition.Operator;
        if (!OperatorsFor(field).Contains(op))
        {
            throw new ViewProblemException("RecordPages.Views.Error.Operator", op, condition.Field);
        }

        var name = field.Name;
        if (op == "empty")
        {
            return $"{name} eq null";
        }

        if (op == "notEmpty")
        {
            return $"{name} ne null";
        }

        if (string.IsNullOrWhiteSpace(condition.Value))
        {
            throw new ViewProblemException("RecordPages.Views.Error.NoValue", condition.Field);
        }

        var kind = KindOf(field);
        if (kind == FilterKind.Choices)
        {
            // Stored as "a,b,c": the value alone, first, last or in between.
            var v = Quote(condition.Value);
            var bare = condition.Value.Replace("'", "''", StringComparison.Ordinal);
            return $"{name} eq {v} or startswith({name},'{bare},') or endswith({name},',{bare}') or contains({name},',{bare},')";
        }

        if (op is "contains" or "startswith")
        {
            return $"{op}(tolower({name}),{Quote(condition.Value.ToLowerInvariant())})";
        }

        return $"{name} {op} {Literal(field, kind, condition.Value)}";
    }

    private static string Literal(FieldDefinition field, FilterKind kind, string value) => kind switch
    {
        FilterKind.Number when FieldTypes.StorageOf(field).ClrType == typeof(long) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) =>
            whole.ToString(CultureInfo.InvariantCulture),
        FilterKind.Number when FieldTypes.StorageOf(field).ClrType == typeof(decimal) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) =>
            number.ToString(CultureInfo.InvariantCulture),
        FilterKind.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FilterKind.DateTime when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) =>
            at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        FilterKind.YesNo when bool.TryParse(value, out var yes) => yes ? "true" : "false",
        FilterKind.RecordId when Guid.TryParse(value, out var id) => id.ToString(),
        FilterKind.Text or FilterKind.Choice or FilterKind.Key => Quote(value),
        _ => throw new ViewProblemException("RecordPages.Views.Error.BadValue", value, field.Name),
    };

    private static string Quote(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>How a field filters, as its kind says (<see cref="FieldType.Filter"/>; a computed field filters as its result).</summary>
    public static FilterKind KindOf(FieldDefinition field) => field.ValueKind?.Filter ?? FilterKind.None;
}
