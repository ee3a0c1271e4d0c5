namespace Platform.Web.Hosting;

/// <summary>The <c>Platform</c> configuration section.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    public AdminAccountOptions Admin { get; set; } = new();

    /// <summary>UI language for people who have not chosen one: <c>zh-CN</c> (default) or <c>en</c>.</summary>
    public string DefaultCulture { get; set; } = "zh-CN";
}
