namespace Platform.Web.Hosting;

/// <summary>What the active theme and the modules supply to the shell: layouts, stylesheets and scripts.</summary>
public sealed class ShellOptions
{
    /// <summary>Layout of pages that need a signed-in user (menu, top bar).</summary>
    public Type? Layout { get; set; }

    /// <summary>Layout of anonymous pages such as sign-in.</summary>
    public Type? PublicLayout { get; set; }

    /// <summary>Stylesheets added after the component library's, e.g. <c>_content/Platform.Themes.Admin/theme.css</c>.</summary>
    public IList<string> Stylesheets { get; } = [];

    /// <summary>Scripts modules need in the browser, loaded after Blazor's and the component library's, e.g. <c>_content/Platform.Entities/code-editor.js</c>.</summary>
    public IList<string> Scripts { get; } = [];
}
