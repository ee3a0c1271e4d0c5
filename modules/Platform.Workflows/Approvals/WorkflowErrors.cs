using Microsoft.Extensions.Localization;

namespace Platform.Workflows.Approvals;

/// <summary>A refusal of the engine in the reader's language: its code's text filled with its arguments, else the engine's own message.</summary>
public static class WorkflowErrors
{
    public static string Text(IStringLocalizer localizer, WorkflowException refusal) =>
        refusal.Code is { } code && localizer[$"Workflows.Error.{code}", [.. refusal.Arguments]] is { ResourceNotFound: false } text ? text.Value : refusal.Message;
}
