using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Platform.Apps.Packages;
using Platform.Core.Metadata;
using Platform.Records.Packages;
using Platform.Web.Endpoints;

namespace Platform.Apps.Endpoints;

/// <summary><c>/api/apps</c>: the installed apps, installing or upgrading one from a zip (with a dry run), and exporting what is here as a zip.</summary>
public static class AppEndpoints
{
    public static void MapAppEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var apps = endpoints.MapGroup("/api/apps").WithTags("Apps").RequireAuthorization(Permissions.Manage);
        apps.MapGet("/", ListAsync).WithName("ListApps").WithSummary("The installed app packages: version, dependencies, and each item with whether it was changed here.");
        apps.MapGet("/export", ExportAsync).WithName("ExportApp")
            .WithSummary("What is here as a package zip: ?name=&version=&description=, and ?items=entities/customer,views/… to put in only those (sample-data among them: the entities' records too).");
        apps.MapPost("/install", InstallAsync).Accepts<byte[]>("application/zip", "application/x-zip-compressed", "application/octet-stream").WithName("InstallApp")
            .WithSummary("Installs or upgrades the package zip in the body; ?dryRun=true only says what would change; ?theirs=item,… and ?mine=item,… settle conflicts.")
            .WithMetadata(new DisableRequestSizeLimitAttribute());
        apps.MapDelete("/{name}", UninstallAsync).WithName("UninstallApp")
            .WithSummary("Uninstalls an app with everything it brought; ?dryRun=true only says what would go. Refused while it has data, unless ?removeData=true&confirm={name}.");
    }

    private static async Task<IResult> ListAsync(IAppPackages packages, CancellationToken cancellationToken) =>
        TypedResults.Ok(await packages.InstalledAsync(cancellationToken));

    private static async Task<IResult> ExportAsync(string? name, string? version, string? description, string? items, IAppPackages packages, IStringLocalizer text,
        CancellationToken cancellationToken)
    {
        if (!AppPackageNames.IsName(name))
        {
            return Refused(text, "name", "Apps.Error.Name", []);
        }

        if (!AppPackageNames.TryVersion(version, out _))
        {
            return Refused(text, "version", "Apps.Error.Version", [version ?? ""]);
        }

        var chosen = items?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var files = await packages.ExportAsync(new AppPackageExport(name!, version!, description, chosen), cancellationToken);
            // A kind there is no such thing as, or an item not here, is a mistake to say, not an empty package to hand out.
            var unknown = (chosen ?? []).Where(item => item.Contains('/', StringComparison.Ordinal)
                ? !files.Any(f => f.Path.StartsWith(item + ".", StringComparison.Ordinal))
                : !AppExportChoice.Kinds.Contains(item)).ToList();
            if (unknown.Count > 0)
            {
                return Refused(text, "items", "Apps.Error.UnknownItems", [string.Join(", ", unknown)]);
            }

            return TypedResults.File(PackageZip.Write(files), "application/zip", $"{name}-{version}.zip");
        }
        catch (AppPackageExportRefusedException e)
        {
            return Refused(text, "items", e.Key, e.Arguments);
        }
    }

    private static async Task<IResult> InstallAsync(HttpRequest request, bool? dryRun, string? theirs, string? mine, string? file, ClaimsPrincipal user, IAppPackages packages,
        PackageZipLimits limits, IStringLocalizer text, CancellationToken cancellationToken)
    {
        var fileName = string.IsNullOrWhiteSpace(file) ? "package.zip" : Path.GetFileName(file);
        if (await RequestBody.ReadAtMostAsync(request, limits.MaxBytes, cancellationToken) is not { } body)
        {
            return Refused(text, fileName, "Apps.Error.TooLarge", [fileName, limits.MaxBytes / (1024 * 1024)], StatusCodes.Status413PayloadTooLarge);
        }

        IReadOnlyList<AppPackageFile> files;
        try
        {
            using var zip = new MemoryStream(body.ToArray());
            files = PackageZip.Read(zip, fileName, limits);
        }
        catch (PackageRefusedException e)
        {
            return Refused(text, fileName, e.Key, e.Arguments);
        }

        var report = await packages.InstallAsync(files, user.Identity!.Name!, dryRun == true, AppExportChoice.Resolutions(theirs, mine), cancellationToken);
        return report.Succeeded
            ? TypedResults.Ok(report)
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: report.Errors.Count == 1 ? $"{report.Errors[0].Path}: {report.Errors[0].Message}"
                : text["Apps.Error.Problems", fileName, report.Errors.Count].Value, extensions: new Dictionary<string, object?> { ["errors"] = report.Errors });
    }

    private static async Task<IResult> UninstallAsync(string name, bool? removeData, bool? dryRun, string? confirm, ClaimsPrincipal user, IAppPackages packages,
        IStringLocalizer text, CancellationToken cancellationToken)
    {
        // Deleting data is never one careless click: the app's name typed again confirms it.
        if (removeData == true && dryRun != true && confirm != name)
        {
            return Refused(text, "confirm", "Apps.Error.Confirm", [name]);
        }

        var report = await packages.UninstallAsync(name, user.Identity!.Name!, removeData == true, dryRun == true, cancellationToken);
        return report.Succeeded
            ? TypedResults.Ok(report)
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: report.Errors.Count == 1 ? report.Errors[0].Message : text["Apps.Error.Problems", name, report.Errors.Count].Value,
                extensions: new Dictionary<string, object?> { ["errors"] = report.Errors, ["data"] = report.Data });
    }

    private static ProblemHttpResult Refused(IStringLocalizer text, string where, string key, object[] arguments, int status = StatusCodes.Status400BadRequest)
    {
        var message = text[key, arguments].Value;
        return TypedResults.Problem(statusCode: status, title: message, extensions: new Dictionary<string, object?> { ["errors"] = new[] { new MetadataError(where, message) } });
    }
}
