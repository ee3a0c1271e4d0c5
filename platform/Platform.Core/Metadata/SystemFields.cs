namespace Platform.Core.Metadata;

/// <summary>Columns every record table has; their names are reserved for fields.</summary>
public static class SystemFields
{
    public const string Id = "id";
    public const string CreatedAt = "createdAt";
    public const string CreatedBy = "createdBy";
    public const string UpdatedAt = "updatedAt";
    public const string UpdatedBy = "updatedBy";
    public const string Owner = "ownerId";
    public const string Department = "departmentId";
    public const string RowVersion = "rowVersion";
    public const string DeletedAt = "deletedAt";

    public static IReadOnlyList<string> All { get; } = [Id, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy, Owner, Department, RowVersion, DeletedAt];
}
