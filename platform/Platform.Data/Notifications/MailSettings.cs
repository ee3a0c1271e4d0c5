using Microsoft.Extensions.Configuration;

namespace Platform.Data.Notifications;

/// <summary>
/// The SMTP server notices are also mailed through (<c>Platform:Mail</c>): host, port, sender,
/// optional account, and how the connection is secured; and the address people open the platform at,
/// for the links in mails. Without a host and a sender nothing is mailed — the bell still tells.
/// </summary>
public sealed class MailSettings
{
    public string? Host { get; init; }

    public int Port { get; init; } = 25;

    /// <summary>The sender, e.g. <c>平台通知 &lt;noreply@example.com&gt;</c>.</summary>
    public string? From { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary><c>auto</c> (STARTTLS when the server offers it), <c>none</c>, <c>starttls</c> or <c>ssl</c>.</summary>
    public string Security { get; init; } = "auto";

    /// <summary>Where people open the platform (<c>https://apps.example.com</c>), so a mail's link leads there.</summary>
    public string? PublicUrl { get; init; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);

    public static MailSettings Read(IConfiguration configuration) =>
        configuration.GetSection("Platform:Mail").Get<MailSettings>() ?? new MailSettings();
}
