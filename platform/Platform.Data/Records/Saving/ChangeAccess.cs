using Platform.Core.Records;

namespace Platform.Data.Records.Saving;

/// <summary>
/// The access step's answer to a change: refused (why), or allowed — to every field, or to <see cref="Only"/> those (and of the
/// lines to <see cref="OnlyLines"/>, changed in place: line entity in lower case, field); what is changed outside them is refused
/// with <see cref="Outside"/> (or as not editable now).
/// </summary>
internal sealed record ChangeAccess(RecordResult? Refused, IReadOnlySet<string>? Only = null, IReadOnlySet<(string Line, string Field)>? OnlyLines = null, string? Outside = null)
{
    public static ChangeAccess Refuse(RecordResult why) => new(why);
}
