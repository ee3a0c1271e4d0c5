using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Platform.Abstractions.Configuration;
using Platform.Abstractions.Packages;
using Platform.Core.Security;
using Platform.Data.Packages;
using Platform.Records.Packages;

namespace Platform.Web.Data;

/// <summary>
/// Applies at start-up the app packages the enabled modules carry and the package folders listed
/// in <c>Platform:Packages</c> (relative to the content root). Applying is idempotent; a package
/// with problems stops start-up with every problem listed. With <c>Platform:SampleDataAs</c> (a user name), a listed folder's
/// sample records are loaded as that person the first time — while its entities have no records.
/// </summary>
public sealed class StartupPackages(AppPackageInstaller packages, PackageSampleData samples, IEnumerable<IAppPackageDocumentSource> sources, IConfiguration configuration,
    ILogger<StartupPackages> logger)
{
    public async Task ApplyAsync(string contentRoot, CancellationToken cancellationToken = default)
    {
        foreach (var package in sources.SelectMany(s => s.GetDocuments()).GroupBy(d => (d.ModuleId, d.Package)))
        {
            var files = package.Select(d =>
            {
                using var stream = d.Open();
                if (AppPackageFile.IsPicture(d.Path))
                {
                    using var bytes = new MemoryStream();
                    stream.CopyTo(bytes);
                    return new AppPackageFile(d.Path, "") { Bytes = bytes.ToArray() };
                }

                using var reader = new StreamReader(stream);
                return new AppPackageFile(d.Path, reader.ReadToEnd());
            }).ToList();
            await ApplyAsync($"{package.Key.ModuleId}/{package.Key.Package}", files, cancellationToken);
        }

        foreach (var folder in configuration.GetSection("Platform:Packages").Get<string[]>() ?? [])
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, folder));
            IReadOnlyList<AppPackageFile> files;
            try
            {
                files = AppPackageFolder.Read(path);
            }
            catch (DirectoryNotFoundException e)
            {
                throw new PlatformConfigurationException($"Platform:Packages lists '{folder}': {e.Message}", e);
            }

            await ApplyAsync(path, files, cancellationToken);
            if (configuration["Platform:SampleDataAs"] is { Length: > 0 } person && files.Any(f => f.Path.StartsWith(PackageSampleData.Folder + "/", StringComparison.Ordinal)))
            {
                var loaded = await samples.LoadAsync(files, person, cancellationToken);
                if (loaded.Succeeded)
                {
                    logger.LogInformation("App package {Package}: sample records loaded as {Person}: {Created}", path, person, string.Join(", ", loaded.Created.Select(c => $"{c.Key} {c.Value}")));
                }
                else
                {
                    logger.LogInformation("App package {Package}: sample records not loaded: {Problems}", path, string.Join(" ", loaded.Problems));
                }
            }
        }
    }

    private async Task ApplyAsync(string name, IReadOnlyList<AppPackageFile> files, CancellationToken cancellationToken)
    {
        var report = await packages.InstallAsync(files, Actor.PlatformId, cancellationToken: cancellationToken);
        if (!report.Succeeded)
        {
            throw new PlatformConfigurationException($"The app package {name} was not applied:{Environment.NewLine}{string.Join(Environment.NewLine, report.Errors.Select(e => "  " + e))}");
        }

        logger.LogInformation("App package {Package} {Version}: created {Created}, changed {Changed}, unchanged {Unchanged}",
            name, report.ToVersion, report.Applied.Created.Count, report.Applied.Changed.Count, report.Applied.Unchanged.Count);
        // Changed here and in the package: left as they are here until an administrator chooses (apps page, or platform package apply --theirs).
        foreach (var conflict in report.Items.Where(i => i.State == AppPackageItemStates.Conflict))
        {
            logger.LogWarning("App package {Package}: {Item} was changed here and in the package; the one here is kept until someone chooses", name, conflict.Item);
        }
    }
}
