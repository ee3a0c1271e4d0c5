namespace Platform.Workflows;

/// <summary>
/// One thing wrong with a BPMN file: the element it concerns (by id when it has one), where, and why — and,
/// a <see cref="Code"/> the modeler shows in the user's language, filled with <see cref="Arguments"/>.
/// </summary>
public sealed record BpmnProblem(string? ElementId, string Where, string Message)
{
    // The file
    public const string NotXml = "NotXml";
    public const string TooLarge = "TooLarge";
    public const string Dtd = "Dtd";
    public const string NotBpmn = "NotBpmn";
    public const string NoExecutableProcess = "NoExecutableProcess";
    public const string DeployedMeanwhile = "DeployedMeanwhile";

    // The process and the record it is bound to
    public const string UnknownProcessAttribute = "UnknownProcessAttribute";
    public const string NoStartEvent = "NoStartEvent";
    public const string LockRecordInvalid = "LockRecordInvalid";
    public const string StatusValuesInvalid = "StatusValuesInvalid";
    public const string StatusValuesNeedField = "StatusValuesNeedField";
    public const string SubmitWhenNeedsEntity = "SubmitWhenNeedsEntity";
    public const string UnknownEntity = "UnknownEntity";
    public const string UnknownStatusField = "UnknownStatusField";
    public const string UnknownEditableField = "UnknownEditableField";

    // Elements and flows
    public const string Unsupported = "Unsupported";
    public const string UnsupportedEvent = "UnsupportedEvent";
    public const string MissingId = "MissingId";
    public const string DuplicateId = "DuplicateId";
    public const string UnknownCalledProcess = "UnknownCalledProcess";
    public const string BoundaryNotAttached = "BoundaryNotAttached";
    public const string FlowSourceMissing = "FlowSourceMissing";
    public const string FlowTargetMissing = "FlowTargetMissing";
    public const string ConditionNotExpression = "ConditionNotExpression";
    public const string GatewayNoOutgoing = "GatewayNoOutgoing";
    public const string SpinningLoop = "SpinningLoop";
    public const string UnknownAttribute = "UnknownAttribute";
    public const string MultiInstanceNeedsCount = "MultiInstanceNeedsCount";

    // Timers, scripts and service actions
    public const string TimerMissing = "TimerMissing";
    public const string TimerInvalid = "TimerInvalid";
    public const string TimerStartVariable = "TimerStartVariable";
    public const string ScriptLanguage = "ScriptLanguage";
    public const string ScriptNotParsing = "ScriptNotParsing";
    public const string ExpressionNotParsing = "ExpressionNotParsing";
    public const string UnknownAction = "UnknownAction";
    public const string JavaImplementation = "JavaImplementation";
    public const string CreateRecordNeedsEntity = "CreateRecordNeedsEntity";
    public const string UpdateRecordsNeedsEntity = "UpdateRecordsNeedsEntity";
    public const string ReorderNeedsEntity = "ReorderNeedsEntity";
    public const string ReorderNeedsPurchaseDocument = "ReorderNeedsPurchaseDocument";
    public const string UnknownTaskEntity = "UnknownTaskEntity";
    public const string NotifyRecordsNeedsEntity = "NotifyRecordsNeedsEntity";
    public const string WebhookNeedsUrl = "WebhookNeedsUrl";
    public const string WebhookUrlInvalid = "WebhookUrlInvalid";
    public const string WebhookSettingInvalid = "WebhookSettingInvalid";

    // Who a task is for, record triggers, rejections
    public const string UnknownUser = "UnknownUser";
    public const string UnknownAssigneeRule = "UnknownAssigneeRule";
    public const string LevelInvalid = "LevelInvalid";
    public const string DepartmentRoleNeedsRole = "DepartmentRoleNeedsRole";
    public const string TriggerNeedsEntity = "TriggerNeedsEntity";
    public const string TriggerChangesInvalid = "TriggerChangesInvalid";
    public const string TriggerFieldsNeedUpdates = "TriggerFieldsNeedUpdates";
    public const string TriggerOutsideStart = "TriggerOutsideStart";
    public const string OnRejectInvalid = "OnRejectInvalid";

    /// <summary>Every code a refusal may carry (each has a text in both languages).</summary>
    public static IReadOnlyList<string> Codes { get; } =
        [.. typeof(BpmnProblem).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    public string? Code { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public override string ToString() => ElementId is null ? $"{Where}: {Message}" : $"{ElementId} ({Where}): {Message}";
}
