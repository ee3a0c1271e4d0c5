using System.Xml.Linq;

namespace Platform.Workflows.Runtime;

/// <summary>
/// How a process relates to records (attributes on the process element): the entity it is bound to
/// (<c>platform:entity</c>), when a record starts it (<c>platform:startOn</c> = created, updated or
/// fieldChanged, with <c>platform:fields</c> and a JavaScript <c>platform:startWhen</c> condition), the
/// choice field that follows the process (<c>platform:statusField</c>), and whether the record is
/// locked while the process runs (<c>platform:lockRecord</c>).
/// </summary>
public sealed record ProcessBinding(string? Entity, string? StartOn, IReadOnlyList<string> Fields, string? StartWhen, string? StatusField, bool LockRecord)
{
    public static ProcessBinding Read(XElement process) => new(
        ModelNode.Extension(process, "entity"),
        ModelNode.Extension(process, "startOn"),
        (ModelNode.Extension(process, "fields") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        ModelNode.Extension(process, "startWhen"),
        ModelNode.Extension(process, "statusField"),
        string.Equals(ModelNode.Extension(process, "lockRecord"), "true", StringComparison.OrdinalIgnoreCase));
}
