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

    /// <summary>On line entities: the record the line belongs to.</summary>
    public const string ParentId = "parentId";

    /// <summary>On line entities: the line's position, 1 for the first line.</summary>
    public const string LineNumber = "lineNo";

    public static IReadOnlyList<string> All { get; } = [Id, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy, Owner, Department, RowVersion, DeletedAt];

    /// <summary>Names no field may take: every system field, the line columns included.</summary>
    public static IReadOnlyList<string> Reserved { get; } = [.. All, ParentId, LineNumber];
}
