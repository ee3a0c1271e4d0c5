using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Bpmn.Engine;

/// <summary>
/// Assignees and candidate users as the model names them: account ids (what expressions such as
/// <c>${initiator}</c> give) or user names, as Camunda accepts (<c>camunda:assignee="alice"</c>).
/// Names become ids when the task is opened, so the inbox and the rights check compare ids only.
/// Ids look like GUIDs; only other values cost a query, so models written with ids pay nothing.
/// </summary>
internal static class TaskPeople
{
    public static bool IsAccountId(string value) => Guid.TryParse(value, out _);

    public static async Task<IReadOnlyList<string>> ToAccountIdsAsync(PlatformDbContext db, IReadOnlyList<string> people, CancellationToken cancellationToken)
    {
        var names = people.Where(p => !IsAccountId(p)).Select(p => p.Trim().ToUpperInvariant()).Distinct().ToList();
        if (names.Count == 0)
        {
            return people;
        }

        var ids = await db.Users.AsNoTracking().Where(u => names.Contains(u.NormalizedUserName!))
            .ToDictionaryAsync(u => u.NormalizedUserName!, u => u.Id, cancellationToken);
        return [.. people.Select(p => IsAccountId(p) ? p : ids.GetValueOrDefault(p.Trim().ToUpperInvariant(), p))];
    }
}
