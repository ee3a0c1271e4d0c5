namespace Platform.Identity.Models;

/// <summary>The outcome of an administrative change: nothing was written unless it succeeded.</summary>
public sealed record AdministrationResult(IReadOnlyList<FieldError> Errors)
{
    public static AdministrationResult Success { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AdministrationResult Fail(string? field, string message) => new([new FieldError(field, message)]);
}
