using System.Text.Json.Serialization;

namespace Platform.Workflows.Approvals;

/// <summary>A condition on one field of the record: <c>amount &gt; 5000</c>, <c>category = travel</c>, <c>notes is empty</c>.</summary>
public sealed class FieldCondition
{
    public string Field { get; set; } = "";

    public ConditionOperator Operator { get; set; } = ConditionOperator.Equals;

    /// <summary>The value compared with, as typed (a number, a choice's value, a date as yyyy-MM-dd, true/false); none for empty/not empty.</summary>
    public string? Value { get; set; }

    /// <summary>How <see cref="Value"/> is read: as a number, text, or yes/no.</summary>
    public ValueKind ValueKind { get; set; } = ValueKind.Text;
}

/// <summary>A field's value in an action: a constant, or copied from a field of the record.</summary>
public sealed class FieldValue
{
    public string Field { get; set; } = "";

    public string? Value { get; set; }

    public ValueKind ValueKind { get; set; } = ValueKind.Text;

    /// <summary>Take the value from this field of the submitted record instead of <see cref="Value"/>.</summary>
    public string? FromField { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ConditionOperator>))]
public enum ConditionOperator
{
    Equals,
    NotEquals,
    GreaterThan,
    AtLeast,
    LessThan,
    AtMost,
    Contains,
    IsEmpty,
    IsNotEmpty,
}

[JsonConverter(typeof(JsonStringEnumConverter<ValueKind>))]
public enum ValueKind
{
    Text,
    Number,
    YesNo,
}
