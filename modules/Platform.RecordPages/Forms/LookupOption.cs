namespace Platform.RecordPages.Forms;

/// <summary>
/// Something a picker offers: a record (its id), a user or a department; its title, and a second
/// line that tells look-alikes apart (a code, a user name).
/// </summary>
public sealed record LookupOption(string Key, string Title, string? Detail = null);
