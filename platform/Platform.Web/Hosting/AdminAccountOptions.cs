namespace Platform.Web.Hosting;

/// <summary>The first administrator, created on first run (<c>Platform:Admin</c>).</summary>
public sealed class AdminAccountOptions
{
    public string UserName { get; set; } = "admin";

    /// <summary>When empty on first run, a random password is generated and printed once.</summary>
    public string? Password { get; set; }
}
