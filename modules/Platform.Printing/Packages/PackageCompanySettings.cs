using System.Text.Json;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Printing.Models;
using Platform.Printing.Services;
using Platform.Records.Packages;
using Platform.Records.Reports;

namespace Platform.Printing.Packages;

/// <summary>
/// The company's details an app's documents print with — name, address, contacts, bank account, tax id and logo (a picture's
/// <c>data:</c> address) — as <c>settings/company.json</c> in an app package, checked as the company page checks them. Exported only
/// once saved here (defaults from the host's settings stay the host's); uninstalling the app that brought them returns to those defaults.
/// </summary>
public sealed class PackageCompanySettings(ISavedReportStore store, CompanySettings company, IStringLocalizer text) : IAppPackagePart
{
    public const string Path = "settings/company.json";

    private static readonly JsonSerializerOptions Strict = new(PrintTemplates.Json) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public string Folder => "settings";

    public async Task<AppPackagePartResult> ApplyAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken)
    {
        if (files.FirstOrDefault(f => f.Path == Path) is not { } file)
        {
            return new AppPackagePartResult([], [], [], [.. files.Select(f => new MetadataError(f.Path, $"The settings a package may bring are {Path}."))]);
        }

        CompanyProfile profile;
        try
        {
            profile = JsonSerializer.Deserialize<CompanyProfile>(file.Content, Strict) ?? new CompanyProfile();
            CompanySettings.Check(profile);
        }
        catch (JsonException e)
        {
            return new AppPackagePartResult([], [], [], [new MetadataError($"{Path}: {e.Path ?? "$"}", e.Message)]);
        }
        catch (PrintRefusedException e)
        {
            return new AppPackagePartResult([], [], [], [new MetadataError(Path, e.Say(text))]);
        }

        var definition = JsonSerializer.Serialize(profile, PrintTemplates.Json);
        var row = await store.FindFromPackageAsync(CompanySettings.Kind, CompanySettings.Row, cancellationToken);
        if (row?.Definition == definition)
        {
            return new AppPackagePartResult([], [], [$"settings {Path}"], []);
        }

        var created = row is null;
        if (row is null)
        {
            row = new SavedReport { Id = Guid.NewGuid(), Kind = CompanySettings.Kind, Source = CompanySettings.Row };
            store.Add(row);
        }

        (row.Label, row.Definition, row.UpdatedAt, row.UpdatedBy) = ((profile.Name ?? "").Trim() is { Length: > 100 } name ? name[..100] : (profile.Name ?? "").Trim(), definition, DateTimeOffset.UtcNow, changedBy);
        await store.SaveChangesAsync(cancellationToken);
        company.Forget();
        return created ? new AppPackagePartResult([$"settings {Path}"], [], [], []) : new AppPackagePartResult([], [$"settings {Path}"], [], []);
    }

    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(CancellationToken cancellationToken) =>
        await store.FindFromPackageAsync(CompanySettings.Kind, CompanySettings.Row, cancellationToken) is { } row
            && JsonSerializer.Deserialize<CompanyProfile>(row.Definition, PrintTemplates.Json) is { } profile
            ? [AppPackageDocuments.Json(Path, profile, PrintTemplates.Json)]
            : [];

    public async Task<AppPackagePartResult> RemoveAsync(IReadOnlyList<string> paths, string changedBy, CancellationToken cancellationToken)
    {
        if (!paths.Contains(Path) || await store.FindFromPackageAsync(CompanySettings.Kind, CompanySettings.Row, cancellationToken) is not { } row)
        {
            return new AppPackagePartResult([], [], [], []);
        }

        store.Remove(row);
        await store.SaveChangesAsync(cancellationToken);
        company.Forget();
        return new AppPackagePartResult([], [$"settings {Path}"], [], []);
    }
}
