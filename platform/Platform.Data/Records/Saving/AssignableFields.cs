using Platform.Core.Metadata;

namespace Platform.Data.Records.Saving;

/// <summary>The system fields a caller may set (hand a record to another owner or department), typed as the fields they are.</summary>
internal static class AssignableFields
{
    public static IReadOnlyList<FieldDefinition> All { get; } =
    [
        new() { Name = SystemFields.Owner, Type = FieldTypes.User.Name },
        new() { Name = SystemFields.Department, Type = FieldTypes.Department.Name },
    ];
}
