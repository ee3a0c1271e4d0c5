namespace Platform.Identity.Models;

/// <summary>A role with the permissions it grants.</summary>
public sealed class RoleEdit
{
    public string? Id { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public ISet<string> Permissions { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    public int UserCount { get; set; }

    public bool IsAdministrator { get; set; }
}
