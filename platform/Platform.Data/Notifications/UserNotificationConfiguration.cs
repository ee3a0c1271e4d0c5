using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Data.Notifications;

internal sealed class UserNotificationConfiguration : IEntityTypeConfiguration<UserNotification>
{
    public void Configure(EntityTypeBuilder<UserNotification> notice)
    {
        notice.ToTable("UserNotifications");
        notice.Property(n => n.UserId).HasMaxLength(64);
        notice.Property(n => n.Kind).HasMaxLength(32);
        notice.Property(n => n.Text).HasMaxLength(4000);
        notice.Property(n => n.Link).HasMaxLength(400);
        // The bell asks "how many unread" and "the newest" per user.
        notice.HasIndex(n => new { n.UserId, n.ReadAt });
        notice.HasIndex(n => new { n.UserId, n.CreatedAt });
        // The mailer asks "which wait to be mailed".
        notice.HasIndex(n => n.MailPending);
    }
}
