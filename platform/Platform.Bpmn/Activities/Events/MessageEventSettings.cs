namespace Platform.Bpmn.Activities.Events;

/// <summary>A message event definition: the name of the message a start or catch event waits for.</summary>
public sealed record MessageEventSettings(string Name);
