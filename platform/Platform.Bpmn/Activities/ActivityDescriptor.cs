using Platform.Core.Metadata;

namespace Platform.Bpmn.Activities;

/// <summary>What kind of element an activity is, in the words of the modeler's palette.</summary>
public enum ActivityCategory
{
    Event,
    Task,
    Gateway,
    Container,
}

/// <summary>
/// An element kind as the validator and the modeler see it: its BPMN name, its label in both
/// languages, the event definitions it may carry ("" for none), whether a token waits there (a loop
/// through it cannot spin), and the settings it reads.
/// </summary>
public sealed record ActivityDescriptor(string Element, ActivityCategory Category, LocalizedText Label, IReadOnlyList<string> EventDefinitions, bool Waits, IReadOnlyList<ActivityProperty> Properties)
{
    public static readonly IReadOnlyList<string> NoEventDefinition = [""];
}

/// <summary>
/// How a setting is edited: plain text (which may hold <c>${…}</c>), JavaScript statements (a script), one JavaScript
/// expression (field values), a condition (an expression, <c>${…}</c> allowed), a duration or date, one of a list, a process key,
/// an entity, or one or several fields of the entity in play (the process's, or the element's own).
/// </summary>
public enum PropertyEditor
{
    Text,
    Script,
    Expression,
    Condition,
    Duration,
    Choice,
    Process,
    Entity,
    Field,
    Fields,
}

/// <summary>One setting of an element: the attribute (<c>platform:assigneeRule</c>, <c>camunda:assignee</c>) or child element it is read from, its label and how it is edited.</summary>
public sealed record ActivityProperty(string Name, LocalizedText Label, PropertyEditor Editor, IReadOnlyList<string>? Choices = null);
