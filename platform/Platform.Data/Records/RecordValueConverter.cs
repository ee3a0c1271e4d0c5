using System.Text.Json;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

/// <summary>
/// Turns incoming values (JSON or CLR) into the stored type of a field and checks the field's
/// constraints, through the field's kind (<see cref="Core.Fields.FieldType.ReadInput"/> and
/// <see cref="Core.Fields.FieldType.CheckValue"/>), saying any problem in the reader's language.
/// </summary>
public sealed class RecordValueConverter(IStringLocalizer localizer)
{
    public bool TryConvert(FieldDefinition field, object? input, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (input is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } || input is null || input is string { Length: 0 })
        {
            return true;
        }

        var type = FieldTypes.StorageOf(field);
        value = type.ReadInput(field, input, out var problem);
        if (problem is null && value is not null)
        {
            problem = type.CheckValue(field, value);
        }

        if (problem is not null)
        {
            error = localizer[problem.Key, [.. problem.Arguments.Select(a => a ?? "")]];
            return false;
        }

        return true;
    }
}
