namespace Platform.Records.Notifications;

/// <summary>
/// The in-app notifications people find under the bell: a new task, a decision on their request, a copy,
/// a process that stopped. Sending joins the transaction under way, so a notice exists only if what it
/// tells of was saved. Texts are kept in every language the platform speaks, so each reader reads their own.
/// </summary>
public interface INotificationCentre
{
    /// <summary>The most recipients one notice goes to (a task offered to a large role).</summary>
    const int MostRecipients = 200;

    Task SendAsync(IReadOnlyCollection<string> userIds, NotificationMessage message, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="SendAsync"/>, but written with the caller's next save of the same context (a workflow step writes everything at once).</summary>
    void Queue(IReadOnlyCollection<string> userIds, NotificationMessage message);

    Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The newest notices of a user, unread or not.</summary>
    Task<IReadOnlyList<UserNotice>> LatestAsync(string userId, int take, CancellationToken cancellationToken = default);

    /// <summary>Marks one notice (or, with none given, all of them) read; only the user's own.</summary>
    Task MarkReadAsync(string userId, Guid? noticeId = null, CancellationToken cancellationToken = default);
}
