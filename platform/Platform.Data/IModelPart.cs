using Microsoft.EntityFrameworkCore;

namespace Platform.Data;

/// <summary>
/// Tables another part of the platform keeps in the platform's database (the workflow engine's
/// definitions, instances, tasks, timers and history), mapped by that part itself. The host hands
/// the parts to <see cref="PlatformDbContext"/> (<see cref="ModelParts.UseModelParts"/>), and each
/// provider's design-time factory does the same, so that migrations cover them.
/// </summary>
public interface IModelPart
{
    void Build(ModelBuilder builder);
}
