namespace Platform.Workflows;

/// <summary>
/// Something the engine refuses or cannot do, with a message that says what and where. Refusals a
/// user meets in daily work carry a <see cref="Code"/> the API shows in the user's language.
/// </summary>
public sealed class WorkflowException(string message, string? code = null) : Exception(message)
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

    public string? Code { get; } = code;
}
