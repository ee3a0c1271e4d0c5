namespace Platform.Workflows.Runtime;

internal static class ArchitectureProbe
{
    internal static readonly Type Leak = typeof(Microsoft.EntityFrameworkCore.DbContext);
}
