namespace Platform.Records.Packages;

/// <summary>One document of an app package: its path inside the package (<c>entities/customer.json</c>) and its text.</summary>
public sealed record AppPackageFile(string Path, string Content);
