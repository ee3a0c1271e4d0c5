namespace Platform.Records;

/// <summary>The outcome of a record operation; <see cref="Record"/> holds the saved values when it succeeded.</summary>
public sealed record RecordResult(RecordOutcome Outcome, IReadOnlyDictionary<string, object?>? Record, IReadOnlyList<RecordFieldError> Errors)
{
    public bool Succeeded => Outcome == RecordOutcome.Saved;

    public static RecordResult Saved(IReadOnlyDictionary<string, object?> record) => new(RecordOutcome.Saved, record, []);

    public static RecordResult Fail(RecordOutcome outcome, string message, string? field = null) => new(outcome, null, [new RecordFieldError(field, message)]);
}
