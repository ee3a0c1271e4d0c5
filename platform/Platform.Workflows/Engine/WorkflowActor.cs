namespace Platform.Workflows.Engine;

/// <summary>Who acts on an instance (starts it, completes a task): what scripts see as <c>user</c> and history records.</summary>
/// <param name="MayActForAnyone">Administrators may complete any task (recorded under their name).</param>
public sealed record WorkflowActor(string UserId, string Name, IReadOnlyList<string> Roles, string? DepartmentId = null, bool MayActForAnyone = false)
{
    /// <summary>The platform itself: timers, triggers, called processes.</summary>
    public static readonly WorkflowActor System = new("system", "system", [], MayActForAnyone: true);

    public IReadOnlyDictionary<string, object?> ScriptUser => new Dictionary<string, object?>
    {
        ["id"] = UserId, ["name"] = Name, ["roles"] = Roles, ["department"] = DepartmentId,
    };
}
