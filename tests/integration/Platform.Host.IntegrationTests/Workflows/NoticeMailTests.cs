using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Notifications;
using Platform.Web.Notifications;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// With an SMTP server configured, the notices under the bell are mailed too — after their save, once
/// each, in both languages with the link — to a real SMTP server listening in the test; people without
/// an address keep the bell only; a server that is down is tried again, then given up; without mail
/// configured nothing waits to be mailed.
/// </summary>
public sealed class NoticeMailTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly NotificationMessage Waiting = new("task", LocalizedText.Of("待您处理：销售经理审批（SO-0001）", "Waiting for you: Sales manager approves (SO-0001)"), "records/sales_order/42");

    /// <summary>An SMTP server on a free local port that keeps what it is sent.</summary>
    private sealed class Inbox : MessageStore, IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _running;

        public Inbox()
        {
            Port = FreePort();
            var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(Port).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(this);
            _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        }

        public int Port { get; }

        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }

        public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count)
        {
            for (var waited = 0; Received.Count < count && waited < 100; waited++)
            {
                await Task.Delay(100);
            }

            return [.. Received];
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }

            _stop.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<PlatformHost> HostMailingTo(string provider, int port) => PlatformHost.StartAsync(provider,
        ("Platform:Mail:Host", "127.0.0.1"), ("Platform:Mail:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Platform:Mail:From", "平台通知 <noreply@platform.test>"), ("Platform:Mail:Security", "none"), ("Platform:Mail:PublicUrl", "https://apps.example.com/"));

    private static async Task<string> PersonAsync(PlatformHost host, string name, string? email)
    {
        var id = await Accounts.CreateUserAsync(host, name, "Passw0rd!longer");
        if (email is not null)
        {
            await host.InScopeAsync(async s =>
            {
                var users = s.GetRequiredService<UserManager<PlatformUser>>();
                var user = (await users.FindByIdAsync(id))!;
                user.DisplayName = "王经理";
                await users.UpdateAsync(user);
                return await users.SetEmailAsync(user, email);
            });
        }

        return id;
    }

    private static Task<bool> TellAsync(PlatformHost host, params string[] people) =>
        host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<INotificationCentre>().SendAsync(people, Waiting);
            return true;
        });

    private static Task<int> MailAsync(PlatformHost host) => host.Services.GetRequiredService<NotificationMailer>().SendPendingAsync();

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_notice_is_mailed_once_in_both_languages_with_its_link(string provider)
    {
        await using var inbox = new Inbox();
        await using var host = await HostMailingTo(provider, inbox.Port);
        var wang = await PersonAsync(host, "wang", "wang@example.com");

        await TellAsync(host, wang);
        await MailAsync(host);
        var mails = await inbox.WaitForAsync(1);
        await MailAsync(host);

        var mail = Assert.Single(mails);
        Assert.Equal("待您处理：销售经理审批（SO-0001）", mail.Subject);
        Assert.Equal(("王经理", "wang@example.com"), (mail.To.Mailboxes.Single().Name, mail.To.Mailboxes.Single().Address));
        Assert.Equal("noreply@platform.test", mail.From.Mailboxes.Single().Address);
        Assert.Contains("Waiting for you: Sales manager approves (SO-0001)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://apps.example.com/records/sales_order/42", mail.TextBody, StringComparison.Ordinal);
        var notice = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().UserNotifications.SingleAsync());
        Assert.False(notice.MailPending);
        Assert.NotNull(notice.MailedAt);
        Assert.Single(inbox.Received);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Someone_without_an_address_keeps_the_bell_only(string provider)
    {
        await using var inbox = new Inbox();
        await using var host = await HostMailingTo(provider, inbox.Port);
        var li = await PersonAsync(host, "li", null);

        await TellAsync(host, li);
        var sent = await MailAsync(host);

        Assert.Equal(0, sent);
        var notice = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().UserNotifications.SingleAsync());
        Assert.Equal((false, (DateTimeOffset?)null, (DateTimeOffset?)null), (notice.MailPending, notice.MailedAt, notice.ReadAt));
        Assert.Empty(inbox.Received);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_server_that_is_down_is_tried_again_and_then_given_up(string provider)
    {
        await using var host = await HostMailingTo(provider, FreePort()); // nobody listens there
        var wang = await PersonAsync(host, "wang", "wang@example.com");

        await TellAsync(host, wang);
        await MailAsync(host);
        var once = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().UserNotifications.AsNoTracking().SingleAsync());
        for (var i = 1; i < NotificationMailer.MostAttempts + 2; i++)
        {
            await MailAsync(host);
        }

        var last = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().UserNotifications.AsNoTracking().SingleAsync());
        Assert.True(once.MailPending);
        Assert.True(once.MailAttempts >= 1);
        Assert.Equal((false, NotificationMailer.MostAttempts, (DateTimeOffset?)null), (last.MailPending, last.MailAttempts, last.MailedAt));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Without_a_mail_server_nothing_waits_to_be_mailed(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var wang = await PersonAsync(host, "wang", "wang@example.com");

        await TellAsync(host, wang);

        Assert.Equal(0, await MailAsync(host));
        Assert.False((await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().UserNotifications.SingleAsync())).MailPending);
    }
}
