namespace Platform.Core.Fields.Files;

/// <summary>The files an attachment or image field is given, by id, before they are checked and described.</summary>
public sealed record FileIds(IReadOnlyList<Guid> Ids)
{
    /// <summary>A field holds at most this many files.</summary>
    public const int MaxFiles = 20;
}
