namespace Platform.Workflows;

/// <summary>
/// Something the engine refuses or cannot do, with a message that says what and where. Refusals a
/// user meets in daily work carry a <see cref="Code"/> the API shows in the user's language, filled with <see cref="Arguments"/>.
/// </summary>
public sealed class WorkflowException(string message, string? code = null, IReadOnlyList<string>? arguments = null) : Exception(message)
{
    public const string TaskNotOpen = "TaskNotOpen";
    public const string NoSuchTask = "NoSuchTask";
    public const string NoSuchInstance = "NoSuchInstance";
    public const string InstanceEnded = "InstanceEnded";
    public const string NoSuchProcess = "NoSuchProcess";
    public const string NoMessageStart = "NoMessageStart";
    public const string Busy = "Busy";
    public const string SavedFirst = "SavedFirst";
    public const string NoReturnTarget = "NoReturnTarget";
    public const string NotInitiator = "NotInitiator";
    public const string NoSuchUser = "NoSuchUser";
    public const string ReasonRequired = "ReasonRequired";
    public const string NoSuchFile = "NoSuchFile";
    public const string ResubmitOnly = "ResubmitOnly";
    public const string NotForEntity = "NotForEntity";
    public const string AlreadySubmitted = "AlreadySubmitted";
    public const string NotSubmittableNow = "NotSubmittableNow";
    public const string StartFailed = "StartFailed";
    public const string NoManager = "NoManager";
    public const string NoSuchRecord = "NoSuchRecord";
    public const string NoDepartmentManager = "NoDepartmentManager";
    public const string NoRoleHolder = "NoRoleHolder";

    public string? Code { get; } = code;

    /// <summary>What fills the placeholders of the message <see cref="Code"/> names (an element's name).</summary>
    public IReadOnlyList<string> Arguments { get; } = arguments ?? [];
}
