using Platform.Core.Records;

namespace Platform.Core.Security;

/// <summary>
/// Who acts — a signed-in person, or the platform itself (packages, timers, triggers, workflows, the
/// command line): stamped on created/updated-by, ownership, the audit trail and workflow history,
/// seen by scripts as <c>user</c>, and whose rights (<see cref="Access"/>) limit what they may read
/// and change. Without rights given the actor is unrestricted, as the platform is.
/// </summary>
public sealed record Actor(string UserId, string Name, string? DepartmentId = null, RecordAccess? Access = null, IReadOnlyList<string>? Roles = null)
{
    /// <summary>The one id the platform acts under.</summary>
    public const string PlatformId = "system";

    /// <summary>The platform itself, e.g. a timer firing or a package being applied.</summary>
    public static readonly Actor Platform = ForPlatform(PlatformId);

    /// <summary>Administrators may complete any task (recorded under their own name).</summary>
    public bool MayActForAnyone { get; init; }

    public RecordAccess Rights => Access ?? RecordAccess.Everything;

    /// <summary>Where the person stands in the organisation, when a right of theirs follows the tree; without it such a right reaches only their own records and department.</summary>
    public OrgPosition? Org { get; init; }

    /// <summary>The records shared with the person or their department, which their scopes may not reach; none until looked up.</summary>
    public SharedRecords? Shares { get; init; }

    public IReadOnlyList<string> RoleNames => Roles ?? [];

    /// <summary>Whether this is the platform acting rather than a person.</summary>
    public bool IsPlatform => UserId == PlatformId;

    /// <summary>The platform acting through one of its parts (<c>"workflow"</c>), which history and audit show as the actor's name.</summary>
    public static Actor ForPlatform(string part) => new(PlatformId, part) { MayActForAnyone = true };

    /// <summary>
    /// The <c>user</c> object scripts see (rules, formulas, workflow conditions and scripts): the same shape everywhere, with the
    /// language the person is served in (<c>zh-CN</c>, <c>en</c>) so a script's messages can be said in it.
    /// </summary>
    public IReadOnlyDictionary<string, object?> ScriptUser(string? managerId) => new Dictionary<string, object?>
    {
        ["id"] = UserId, ["name"] = Name, ["roles"] = RoleNames.ToArray(), ["department"] = DepartmentId, ["manager"] = managerId,
        ["language"] = System.Globalization.CultureInfo.CurrentUICulture.Name,
    };
}
