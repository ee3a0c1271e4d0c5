namespace Platform.Web.Hosting;

/// <summary>What the active theme supplies to the shell: its layouts and stylesheets.</summary>
public sealed class ShellOptions
{
    /// <summary>Layout of pages that need a signed-in user (menu, top bar).</summary>
    public Type? Layout { get; set; }

    /// <summary>Layout of anonymous pages such as sign-in.</summary>
    public Type? PublicLayout { get; set; }

    /// <summary>Stylesheets added after the component library's, e.g. <c>_content/Platform.Themes.Admin/theme.css</c>.</summary>
    public IList<string> Stylesheets { get; } = [];
}
