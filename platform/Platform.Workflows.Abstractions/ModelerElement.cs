using Platform.Core.Metadata;

namespace Platform.Workflows;

/// <summary>An element kind as the modeler's properties panel offers it: its BPMN name, its label, and the settings the engine reads from it.</summary>
public sealed record ModelerElement(string Element, LocalizedText Label, IReadOnlyList<ModelerSetting> Properties);

/// <summary>
/// One setting: the attribute it is written to (<c>platform:assigneeRule</c>, <c>camunda:assignee</c>), its label,
/// how it is edited (Text, Script, Expression, Condition, Duration, Choice, Process, Entity, Field, Fields) and, for choices, the values.
/// </summary>
public sealed record ModelerSetting(string Name, LocalizedText Label, string Editor, IReadOnlyList<string>? Choices = null);

/// <summary>What the modeler offers, generated from the engine's element descriptors: every kind it runs, and the process's own settings.</summary>
public interface IWorkflowElements
{
    IReadOnlyList<ModelerElement> Elements { get; }

    IReadOnlyList<ModelerSetting> ProcessSettings { get; }
}
