namespace Platform.Records;

public enum RecordOutcome
{
    Saved,
    Invalid,
    NotFound,

    /// <summary>Someone else saved the record first (stale row version); nothing was overwritten.</summary>
    Conflict,
    UnknownEntity,

    /// <summary>The actor's roles do not grant this action on this record.</summary>
    Forbidden,

    /// <summary>The record may not be changed now (an approval locks it); the message says why.</summary>
    Locked,
}
