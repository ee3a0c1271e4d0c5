using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Platform.Data.Records;

/// <summary>One EF Core model per schema version, instead of one per context type.</summary>
internal sealed class RecordsModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is RecordsDbContext records ? (typeof(RecordsDbContext), records.Schema.Version, designTime) : (context.GetType(), designTime);
}
