using Platform.Core.Metadata;

namespace Platform.Records.Notifications;

/// <summary>What a notice says (in each language), what kind it is (task, approved, rejected, returned, copy, incident…) and where it leads.</summary>
public sealed record NotificationMessage(string Kind, LocalizedText Text, string? Link);

/// <summary>A notice as its reader sees it under the bell.</summary>
public sealed record UserNotice(Guid Id, string Kind, LocalizedText Text, string? Link, DateTimeOffset CreatedAt, bool Read);
