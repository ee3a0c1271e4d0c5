using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Records.Notifications;

namespace Platform.Data.Notifications;

/// <summary>
/// Notices in the platform's database, written with the request's context (so in the transaction under
/// way); while mail is configured each is also marked to be mailed, and the mailer sends it after commit.
/// </summary>
public sealed class NotificationCentre(PlatformDbContext db, TimeProvider clock, MailSettings? mail = null) : INotificationCentre
{
    public async Task SendAsync(IReadOnlyCollection<string> userIds, NotificationMessage message, CancellationToken cancellationToken = default)
    {
        Queue(userIds, message);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public void Queue(IReadOnlyCollection<string> userIds, NotificationMessage message)
    {
        var recipients = userIds.Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal).Take(INotificationCentre.MostRecipients).ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var text = JsonSerializer.Serialize(message.Text.ToDictionary(p => p.Key, p => Clip(p.Value, 1000)));
        db.Set<UserNotification>().AddRange(recipients.Select(user => new UserNotification
        {
            Id = Guid.CreateVersion7(now), UserId = user, Kind = message.Kind, Text = text, Link = message.Link is { Length: <= 400 } link ? link : null, CreatedAt = now,
            MailPending = mail?.Enabled == true,
        }));
    }

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<UserNotification>().AsNoTracking().CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    public async Task<IReadOnlyList<UserNotice>> LatestAsync(string userId, int take, CancellationToken cancellationToken = default)
    {
        // Ids are time-ordered (UUID v7): the newest first without sorting by a date (SQLite cannot order DateTimeOffset).
        var rows = await db.Set<UserNotification>().AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(n => new UserNotice(n.Id, n.Kind, Read(n.Text), n.Link, n.CreatedAt, n.ReadAt is not null))];
    }

    public async Task MarkReadAsync(string userId, Guid? noticeId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await db.Set<UserNotification>().Where(n => n.UserId == userId && n.ReadAt == null && (noticeId == null || n.Id == noticeId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    private static LocalizedText Read(string json)
    {
        var text = new LocalizedText();
        foreach (var (culture, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
        {
            text[culture] = value;
        }

        return text;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
