namespace Platform.Abstractions.Permissions;

/// <summary>Declares a module's permissions; registered with <c>services.AddPermissions&lt;T&gt;()</c>.</summary>
public interface IPermissionProvider
{
    IEnumerable<PermissionDefinition> GetPermissions();
}
