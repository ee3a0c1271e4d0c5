namespace Platform.Records;

/// <summary>
/// Why a record may not be changed or deleted now (an approval holds it), in the person's language,
/// and the fields the hold still lets this person change (an approver's step may allow a discount
/// or a remark to be corrected); empty when it lets them change nothing. A hold never allows a delete.
/// </summary>
public sealed record RecordHold(string Reason, IReadOnlySet<string> Editable)
{
    public static RecordHold Complete(string reason) => new(reason, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>Whether the hold lets the person change some fields (and only those).</summary>
    public bool AllowsSome => Editable.Count > 0;
}
