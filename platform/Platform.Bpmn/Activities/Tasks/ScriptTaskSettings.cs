namespace Platform.Bpmn.Activities.Tasks;

/// <summary>A script task's JavaScript (empty when the file gives none: running it is an incident).</summary>
public sealed record ScriptTaskSettings(string? Script);
