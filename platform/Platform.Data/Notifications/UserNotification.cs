namespace Platform.Data.Notifications;

/// <summary>One notice to one user: its kind, its text as JSON by language, where it leads, when it came and when it was read.</summary>
public sealed class UserNotification
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string Kind { get; set; } = "";

    /// <summary>The text by language, as JSON (<c>{"zh-CN": "…", "en": "…"}</c>).</summary>
    public string Text { get; set; } = "{}";

    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Waiting to be mailed (written so only while mail is configured); cleared once sent, or given up after <see cref="MailAttempts"/> failures.</summary>
    public bool MailPending { get; set; }

    public int MailAttempts { get; set; }

    public DateTimeOffset? MailedAt { get; set; }
}
