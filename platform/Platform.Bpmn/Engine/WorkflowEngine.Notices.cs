using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Security;
using Platform.Bpmn.Runtime;
using Platform.Core.Metadata;
using Platform.Records.Notifications;

namespace Platform.Bpmn.Engine;

/// <summary>
/// Who hears of a step, under the bell: the people a new task waits for; the submitter when the request is
/// returned to them, approved or rejected; the people a copy goes to; and, when a step stops with an
/// incident, the submitter and the administrators. Written in the step's transaction, in every language.
/// </summary>
public sealed partial class WorkflowEngine
{
    /// <summary>The languages a notice is written in (the platform's two).</summary>
    private static readonly string[] NoticeCultures = ["zh-CN", "en"];

    private async Task NotifyAsync(WorkflowInstance instance, ProcessModel model, ProcessRunner runner, List<WorkflowTask> opened, string previousStatus,
        CancellationToken cancellationToken)
    {
        var record = instance.Entity is { } entity && instance.RecordId is { } id ? $"/records/{entity}/{id}" : null;
        if (opened.Count == 0 && runner.Effects.Notices.Count == 0 && !runner.Ended && instance.Status != WorkflowStatus.Incident)
        {
            return; // most steps tell nobody: no reads for them
        }

        // The request as people know it: the process, and the record's title (SO-202612-00002) when it has one — read only when someone is told.
        string? title = null;
        var titled = false;
        async Task<Func<string, string>> SubjectAsync()
        {
            if (!titled)
            {
                (title, titled) = (await RecordTitleAsync(instance, cancellationToken), true);
            }

            return culture => title is null ? model.NameIn(culture) : $"{model.NameIn(culture)} · {title}";
        }

        foreach (var task in opened)
        {
            var people = task.Assignee is { } assignee ? [assignee] : await PeopleOfAsync(task, cancellationToken);
            if (people.Count == 0)
            {
                continue;
            }

            var subject = await SubjectAsync();
            var returned = model.Has(task.ElementId) && model.Node(task.ElementId).Kind == "startEvent";
            var text = returned
                ? Text("Workflows.Notice.Returned", culture => [subject(culture)])
                : Text("Workflows.Notice.Task", culture => [StepName(model, task, culture), subject(culture)]);
            notices.Queue(people, new NotificationMessage(returned ? "returned" : "task", text, record ?? "/tasks"));
        }

        foreach (var notice in runner.Effects.Notices.Where(n => n.Recipients.Count > 0 && n.Text is not null))
        {
            notices.Queue(notice.Recipients, new NotificationMessage("reminder", notice.Text!, notice.Link ?? record));
        }

        foreach (var notice in runner.Effects.Notices.Where(n => n.Recipients.Count > 0 && n.Text is null))
        {
            var subject = await SubjectAsync();
            var submitter = await DisplayNameAsync(instance.Initiator, cancellationToken);
            var text = Text("Workflows.Notice.Copy", culture => [subject(culture), submitter, model.Has(notice.ElementId) ? model.Node(notice.ElementId).LabelIn(culture) : notice.ElementId]);
            notices.Queue(notice.Recipients, new NotificationMessage("copy", text, record));
        }

        if (runner.Ended && instance.Status is WorkflowStatus.Completed or WorkflowStatus.Rejected && runner.ActorId != instance.Initiator && instance.ParentId is null)
        {
            var subject = await SubjectAsync();
            var approved = instance.Status == WorkflowStatus.Completed;
            var text = Text(approved ? "Workflows.Notice.Approved" : "Workflows.Notice.Rejected", culture => [subject(culture)]);
            notices.Queue([instance.Initiator], new NotificationMessage(approved ? "approved" : "rejected", text, record));
        }

        if (instance.Status == WorkflowStatus.Incident && previousStatus != WorkflowStatus.Incident
            && runner.FirstIncident is { } failed)
        {
            var subject = await SubjectAsync();
            var text = Text("Workflows.Notice.Incident", culture => [subject(culture), model.Has(failed.NodeId) ? model.Node(failed.NodeId).LabelIn(culture) : failed.NodeId]);
            notices.Queue([instance.Initiator], new NotificationMessage("incident", text, record));
            notices.Queue(await AdministratorsAsync(cancellationToken), new NotificationMessage("incident", text, $"/workflows/instances/{instance.Id}"));
        }
    }

    /// <summary>The bound record's title (its naming field's value); null when it has none or no record is bound.</summary>
    private async Task<string?> RecordTitleAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        if (instance.Entity is not { } entity || instance.RecordId is not { } id)
        {
            return null;
        }

        await using var reader = await records.OpenReaderAsync(entity, cancellationToken: cancellationToken);
        if (reader?.Entity.NamingField() is not { } naming || await records.GetAsync(entity, id, cancellationToken: cancellationToken) is not { } row)
        {
            return null;
        }

        return Convert.ToString(row.GetValueOrDefault(naming.Name), CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;
    }

    /// <summary>An open task's people: its candidate users and the holders of its candidate roles (from a cache that is at most half a minute old).</summary>
    private async Task<List<string>> PeopleOfAsync(WorkflowTask task, CancellationToken cancellationToken)
    {
        var people = task.CandidateUsers.Split('|', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var role in task.CandidateRoles.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            people.AddRange(await roleHolders.OfAsync(db, role, cancellationToken));
        }

        return people;
    }

    private Task<List<string>> AdministratorsAsync(CancellationToken cancellationToken) => roleHolders.OfAsync(db, PlatformRoles.Administrator, cancellationToken);

    private async Task<string> DisplayNameAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName == "" ? u.UserName : u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? userId;

    /// <summary>A task's step in a language: the element's name there, unless the name held an expression (then the text it was filled with).</summary>
    private static string StepName(ProcessModel model, WorkflowTask task, string culture) =>
        model.Has(task.ElementId) && model.Node(task.ElementId) is { } node && node.Name?.Contains("${", StringComparison.Ordinal) != true ? node.LabelIn(culture) : task.Name;

    /// <summary>A notice's text in each language the platform speaks.</summary>
    private LocalizedText Text(string key, Func<string, object[]> arguments)
    {
        var text = new LocalizedText();
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in NoticeCultures)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                text[culture] = localizer[key, arguments(culture)].Value;
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }

        return text;
    }
}
