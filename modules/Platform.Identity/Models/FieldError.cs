namespace Platform.Identity.Models;

/// <summary>A message for the person at the form, bound to a field when it concerns one.</summary>
public sealed record FieldError(string? Field, string Message);
