using Platform.Core.Records;

namespace Platform.Data.Records.Saving;

/// <summary>The access step's answer to a change: refused (why), or allowed — to every field, or to <see cref="Only"/> those.</summary>
internal sealed record ChangeAccess(RecordResult? Refused, IReadOnlySet<string>? Only = null)
{
    public static ChangeAccess Refuse(RecordResult why) => new(why);
}
