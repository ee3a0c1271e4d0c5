namespace Platform.Abstractions.Packages;

/// <summary>
/// A document (entity, form, view, workflow, template…) that a module ships as part of an app
/// package. <see cref="Path"/> is relative to the package root, e.g. <c>entities/customer.json</c>.
/// </summary>
public sealed record AppPackageDocument(string ModuleId, string Package, string Path, Func<Stream> Open);
