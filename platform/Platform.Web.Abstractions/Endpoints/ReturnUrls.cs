namespace Platform.Web.Endpoints;

/// <summary>Where a page may send a person back to after sign-in or a language switch: only a path of this site, never another host.</summary>
public static class ReturnUrls
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
