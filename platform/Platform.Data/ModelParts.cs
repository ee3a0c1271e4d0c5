using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Data;

/// <summary>Hands <see cref="IModelPart"/>s to the <see cref="PlatformDbContext"/> through its options; the model is cached per set of parts.</summary>
public static class ModelParts
{
    public static DbContextOptionsBuilder UseModelParts(this DbContextOptionsBuilder options, params IModelPart[] parts)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new ModelPartsExtension(parts));
        return options;
    }

    internal static IReadOnlyList<IModelPart> Of(IDbContextOptions options) => options.FindExtension<ModelPartsExtension>()?.Parts ?? [];

    /// <summary>Which parts a model was built with, for its cache key.</summary>
    private static string KeyOf(DbContext context) => string.Join(";", Of(context.GetService<IDbContextOptions>()).Select(p => p.GetType().FullName));

    private sealed class ModelPartsExtension(IReadOnlyList<IModelPart> parts) : IDbContextOptionsExtension
    {
        public IReadOnlyList<IModelPart> Parts { get; } = parts;

        public DbContextOptionsExtensionInfo Info => new PartsInfo(this);

        public void ApplyServices(IServiceCollection services) =>
            services.AddSingleton<IModelCacheKeyFactory, PartsCacheKeyFactory>();

        public void Validate(IDbContextOptions options)
        {
        }

        private sealed class PartsInfo(ModelPartsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            private string Names => string.Join(";", extension.Parts.Select(p => p.GetType().FullName));

            public override bool IsDatabaseProvider => false;

            public override string LogFragment => $"ModelParts={Names} ";

            public override int GetServiceProviderHashCode() => Names.GetHashCode(StringComparison.Ordinal);

            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is PartsInfo parts && parts.Names == Names;

            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Platform:ModelParts"] = Names;
        }
    }

    private sealed class PartsCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), KeyOf(context), designTime);
    }
}
