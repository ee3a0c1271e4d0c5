using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Platform.Data;
using Platform.Data.Notifications;

namespace Platform.Web.Notifications;

/// <summary>
/// Mails the notices written while an SMTP server is configured, after their save committed: each is
/// claimed by one conditional update (so two nodes of a cluster never mail it twice), sent in both
/// languages with its link, and on failure put back for a later try — given up after
/// <see cref="MostAttempts"/> tries. People without an e-mail address keep the bell only.
/// </summary>
public sealed class NotificationMailer(IServiceScopeFactory scopes, MailSettings settings, TimeProvider clock, ILogger<NotificationMailer> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    public const int MostAttempts = 5;

    private const int Batch = 50;

    /// <summary>Mails every notice waiting; answers how many were sent. The hosted loop calls it, and tests.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken = default)
    {
        if (!settings.Enabled)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var waiting = await db.UserNotifications.AsNoTracking().Where(n => n.MailPending).OrderBy(n => n.Id).Take(Batch).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var userIds = waiting.Select(n => n.UserId).Distinct().ToList();
        var addresses = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null && u.Email != "")
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.UserName }).ToDictionaryAsync(u => u.Id, cancellationToken);
        using var smtp = new SmtpClient();
        var sent = 0;
        foreach (var notice in waiting)
        {
            // Claimed by this node; another that read the same row finds it taken.
            if (await db.UserNotifications.Where(n => n.Id == notice.Id && n.MailPending)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailPending, false), cancellationToken) == 0)
            {
                continue;
            }

            if (!addresses.TryGetValue(notice.UserId, out var to))
            {
                continue; // no address: the bell only
            }

            try
            {
                if (!smtp.IsConnected)
                {
                    await ConnectAsync(smtp, cancellationToken);
                }

                await smtp.SendAsync(Message(notice, new MailboxAddress(string.IsNullOrWhiteSpace(to.DisplayName) ? to.UserName : to.DisplayName, to.Email!)), cancellationToken);
                var now = clock.GetUtcNow();
                await db.UserNotifications.Where(n => n.Id == notice.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, now).SetProperty(n => n.MailAttempts, n => n.MailAttempts + 1), cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var again = notice.MailAttempts + 1 < MostAttempts;
                logger.LogWarning(e, "The notice {Notice} could not be mailed to {User} (try {Try} of {Most}){Next}.", notice.Id, notice.UserId, notice.MailAttempts + 1, MostAttempts,
                    again ? "; it is tried again later" : "; given up, the bell still shows it");
                await db.UserNotifications.Where(n => n.Id == notice.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailPending, again).SetProperty(n => n.MailAttempts, n => n.MailAttempts + 1), CancellationToken.None);
                if (smtp.IsConnected)
                {
                    await smtp.DisconnectAsync(true, CancellationToken.None);
                }
            }
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(true, cancellationToken);
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Mailing notices failed; tried again in {Interval}.", PollInterval);
            }

            try
            {
                await Task.Delay(PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken cancellationToken)
    {
        var security = settings.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "ssl" => SecureSocketOptions.SslOnConnect,
            "starttls" => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await smtp.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
    }

    /// <summary>The notice as a mail: its Chinese text as the subject, the text in both languages and the link as the body.</summary>
    private MimeMessage Message(UserNotification notice, MailboxAddress to)
    {
        var text = JsonSerializer.Deserialize<Dictionary<string, string>>(notice.Text) ?? [];
        var chinese = text.GetValueOrDefault("zh-CN");
        var english = text.GetValueOrDefault("en");
        var subject = chinese ?? english ?? notice.Kind;
        var body = new StringBuilder();
        foreach (var line in new[] { chinese, english }.Where(t => !string.IsNullOrEmpty(t)).Distinct())
        {
            body.AppendLine(line).AppendLine();
        }

        if (notice.Link is { } link)
        {
            body.AppendLine(settings.PublicUrl is { Length: > 0 } site ? $"{site.TrimEnd('/')}/{link.TrimStart('/')}" : link);
        }

        var message = new MimeMessage { Subject = subject.Length > 200 ? subject[..200] : subject, Body = new TextPart("plain") { Text = body.ToString() } };
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(to);
        return message;
    }
}
