using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.RecordPages.Components.Forms;
using Radzen;

namespace Platform.RecordPages.Forms;

/// <summary>
/// What a record action asks before it runs, on a form or a list alike: its form (with its question on top) when it has inputs,
/// else its question when it has one, else nothing. Answers whether to go on and what was filled in.
/// </summary>
internal static class ActionQuestions
{
    public static async Task<(bool Go, IReadOnlyDictionary<string, object?>? Input)> AskAsync(DialogService dialogs, IStringLocalizer text, RecordActionDefinition action, int count, Platform.Core.Security.Actor actor)
    {
        var label = action.Label.For(CultureInfo.CurrentUICulture.Name);
        if (action.Inputs is { Count: > 0 })
        {
            var answers = await dialogs.OpenAsync<RecordActionInputDialog>(label,
                new Dictionary<string, object?> { [nameof(RecordActionInputDialog.Action)] = action, [nameof(RecordActionInputDialog.Count)] = count, [nameof(RecordActionInputDialog.Actor)] = actor },
                new DialogOptions { Width = "30rem" });
            return answers is IReadOnlyDictionary<string, object?> input ? (true, input) : (false, null);
        }

        if (action.Confirm is not { IsBlank: false } question)
        {
            return (true, null);
        }

        var asked = question.For(CultureInfo.CurrentUICulture.Name);
        var go = await dialogs.Confirm(count > 1 ? text["RecordPages.Actions.ConfirmMany", asked, count].Value : asked, label,
            new ConfirmOptions { OkButtonText = label, CancelButtonText = text["RecordPages.Form.Cancel"] }) == true;
        return (go, null);
    }
}
