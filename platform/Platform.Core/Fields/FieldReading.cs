namespace Platform.Core.Fields;

/// <summary>A spreadsheet cell read as a field's value, or why it could not be.</summary>
public readonly record struct FieldReading(object? Value, FieldProblem? Problem)
{
    public static FieldReading Of(object? value) => new(value, null);

    public static FieldReading Refused(string key, params object?[] arguments) => new(null, new FieldProblem(key, arguments));
}
