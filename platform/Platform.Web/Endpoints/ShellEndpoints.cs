using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Navigation;
using Platform.Web.Navigation;

namespace Platform.Web.Endpoints;

public static class ShellEndpoints
{
    public static void MapShellEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var shell = endpoints.MapGroup("/api/shell").WithTags("Shell");
        shell.MapGet("/navigation", GetNavigation).WithName("GetNavigation").WithSummary("The menu the current user sees, in their language.");
        shell.MapGet("/modules", GetModules).WithName("GetModules").WithSummary("The enabled and disabled modules of this host.");
    }

    private static async Task<Ok<IReadOnlyList<MenuEntry>>> GetNavigation(ClaimsPrincipal user, NavigationMenu menu, IStringLocalizer localizer) =>
        TypedResults.Ok<IReadOnlyList<MenuEntry>>(ToEntries(await menu.ForUserAsync(user), localizer));

    private static Ok<ModuleList> GetModules(IModuleCatalog modules) =>
        TypedResults.Ok(new ModuleList(modules.EnabledModules.Select(m => m.Id).ToList(), modules.DisabledModules.Select(m => m.Id).ToList()));

    private static List<MenuEntry> ToEntries(IReadOnlyList<NavigationItem> items, IStringLocalizer localizer) =>
        items.Select(i => new MenuEntry(i.TextKey, i.TextFor(System.Globalization.CultureInfo.CurrentUICulture.Name) ?? localizer[i.TextKey], i.Href, i.Icon, ToEntries(i.Children, localizer))).ToList();

    public sealed record MenuEntry(string Key, string Text, string? Href, string Icon, IReadOnlyList<MenuEntry> Children);

    public sealed record ModuleList(IReadOnlyList<string> Enabled, IReadOnlyList<string> Disabled);
}
