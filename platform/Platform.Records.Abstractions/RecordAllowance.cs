namespace Platform.Records;

/// <summary>
/// What one person may do with one record they can read: change it and delete it (their roles' scopes, with what was shared
/// with them), and share it or hand it on (their own scopes only — a share received is not passed on). An approval's hold is
/// asked apart (<see cref="RecordHold"/>).
/// </summary>
public sealed record RecordAllowance(bool Update, bool Delete, bool Share);
