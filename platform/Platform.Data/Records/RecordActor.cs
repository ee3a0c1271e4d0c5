namespace Platform.Data.Records;

/// <summary>Who is changing records: stamped on created/updated-by, ownership and the audit trail.</summary>
public sealed record RecordActor(string UserId, string UserName, string? DepartmentId = null);
