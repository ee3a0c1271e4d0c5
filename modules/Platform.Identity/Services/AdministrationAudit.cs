using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Records;
using Platform.Records.Identity;

namespace Platform.Identity.Services;

/// <summary>
/// The trail of administrative changes — who created, changed or deleted which user, role or
/// department, with the values before and after (passwords never, only that one was set). Written
/// to the audit table in the same transaction as the change, under the keys <c>@user</c>,
/// <c>@role</c> and <c>@department</c>, which no entity can have (entity names cannot start with @).
/// </summary>
public sealed class AdministrationAudit(IIdentityTables db, TimeProvider clock)
{
    public const string Users = "@user";
    public const string Roles = "@role";
    public const string Departments = "@department";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the entry to the context; the caller's save and commit write it with the change.</summary>
    public void Record(string kind, string id, string action, object? before, object? after, ClaimsPrincipal? by)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            EntityKey = kind, RecordId = KeyOf(id), Action = action,
            OldValue = before is null ? null : JsonSerializer.Serialize(before, Json),
            NewValue = after is null ? null : JsonSerializer.Serialize(after, Json),
            At = clock.GetUtcNow(),
            UserId = by?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            UserName = by?.Identity?.Name ?? "platform",
        });
    }

    /// <summary>Account, role and department ids are GUID text; anything else gets a stable GUID of its own.</summary>
    public static Guid KeyOf(string id) =>
        Guid.TryParse(id, out var guid) ? guid : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, 16));
}
