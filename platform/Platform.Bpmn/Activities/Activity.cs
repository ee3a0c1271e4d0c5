using System.Xml.Linq;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities;

/// <summary>
/// The behaviour of one kind of BPMN element (a user task, an exclusive gateway, …), chosen when the
/// file is parsed (<see cref="ModelNode.Activity"/>): the runner asks the node's activity to run and
/// never switches on a kind name. Its <see cref="Descriptor"/> tells the validator what the element
/// may hold and the modeler what to show in its properties panel.
/// </summary>
public abstract class Activity
{
    public abstract ActivityDescriptor Descriptor { get; }

    /// <summary>This kind's own settings read from the element when the file is parsed (<see cref="ModelNode.Settings"/>); null for kinds without any.</summary>
    internal virtual object? ReadSettings(XElement element) => null;

    /// <summary>Moves the token on through this element; what can fail is checked before anything changes.</summary>
    internal abstract Task RunAsync(ProcessRunner runner, Token token, ModelNode node);
}
