namespace Platform.Bpmn.Activities.Events;

/// <summary>
/// An error event definition: the error code an end event throws or a boundary event catches (null
/// catches any), and where a catching boundary stores the code and message for the path it starts.
/// </summary>
public sealed record ErrorEventSettings(string? Code, string? CodeVariable, string? MessageVariable);
