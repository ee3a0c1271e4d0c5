using Platform.Core.Records;

namespace Platform.Data.Records;

/// <summary>
/// Who is changing records: stamped on created/updated-by, ownership and the audit trail, and whose
/// rights (<see cref="Access"/>) limit what they may read and change. Without rights given the actor
/// is the platform itself (workflows, packages, the command line): unrestricted.
/// </summary>
public sealed record RecordActor(string UserId, string UserName, string? DepartmentId = null, RecordAccess? Access = null, IReadOnlyList<string>? Roles = null)
{
    public RecordAccess Rights => Access ?? RecordAccess.Everything;
}
