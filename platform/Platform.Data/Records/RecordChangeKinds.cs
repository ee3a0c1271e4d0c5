namespace Platform.Data.Records;

/// <summary>The kinds of change save handlers hear of.</summary>
public static class RecordChangeKinds
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string Restored = "restored";
}
