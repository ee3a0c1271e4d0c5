using System.Text.RegularExpressions;

namespace Platform.Core.Records;

/// <summary>
/// Permission names for records, one set per entity: <c>Records.{entity}.Create</c> and
/// <c>Records.{entity}.{Read|Update|Delete}.{Own|Subordinates|Department|DepartmentTree|All}</c>, <c>Records.{entity}.Read.Unowned</c> (the
/// records nobody owns: a public pool), and <c>Records.{entity}.Assign</c>
/// for handing records to another owner or department, <c>Records.{entity}.Action.{name}</c> per record action and
/// <c>Records.{entity}.Field.{field}.{Read|Update}</c> per secured field. Roles grant them like any
/// other permission; the record service enforces them on every read and write.
/// </summary>
public static partial class RecordPermissions
{
    public const string Prefix = "Records.";

    /// <summary>The scopes a read, change or delete right is granted with, narrowest first (as the roles page lists them).</summary>
    public static readonly RecordScope[] Scopes = [RecordScope.Unowned, RecordScope.Own, RecordScope.Subordinates, RecordScope.Department, RecordScope.DepartmentTree, RecordScope.All];

    public static string Name(string entity, RecordAction action, RecordScope scope) =>
        action is RecordAction.Create or RecordAction.Assign ? $"{Prefix}{entity.ToLowerInvariant()}.{action}" : $"{Prefix}{entity.ToLowerInvariant()}.{action}.{scope}";

    /// <summary>Every record permission of an entity, in the order administrators read them.</summary>
    public static IEnumerable<(string Name, RecordAction Action, RecordScope Scope)> Of(string entity)
    {
        yield return (Name(entity, RecordAction.Create, RecordScope.All), RecordAction.Create, RecordScope.All);
        foreach (var action in new[] { RecordAction.Read, RecordAction.Update, RecordAction.Delete })
        {
            // Unowned records are a pool to read and to claim (by an action); changing or deleting them is for wider scopes.
            foreach (var scope in Scopes.Where(scope => scope != RecordScope.Unowned || action == RecordAction.Read))
            {
                yield return (Name(entity, action, scope), action, scope);
            }
        }

        yield return (Name(entity, RecordAction.Assign, RecordScope.All), RecordAction.Assign, RecordScope.All);
    }

    /// <summary>The permission to submit a submittable document (<c>Records.purchase_receipt.Submit</c>): it then cannot be changed.</summary>
    public static string Submit(string entity) => $"{Prefix}{entity.ToLowerInvariant()}.Submit";

    /// <summary>The permission to cancel a submitted document (<c>Records.purchase_receipt.Cancel</c>), reversing its effects.</summary>
    public static string Cancel(string entity) => $"{Prefix}{entity.ToLowerInvariant()}.Cancel";

    /// <summary>The permission to run a record action (<c>Records.lead.Action.convert</c>).</summary>
    public static string Action(string entity, string action) => $"{Prefix}{entity.ToLowerInvariant()}.Action.{action}";

    /// <summary>
    /// The permission to see (<see cref="FieldRight.Read"/>) or to see and change (<see cref="FieldRight.Update"/>) a secured field:
    /// <c>Records.product.Field.costPrice.Read</c>. A line entity's fields are named by the line entity.
    /// </summary>
    public static string Field(string entity, string field, FieldRight right) => $"{Prefix}{entity.ToLowerInvariant()}.Field.{field}.{right}";

    /// <summary>The entity a record permission name is about, or null when it is not one.</summary>
    public static string? EntityOf(string permission) =>
        Shape().Match(permission) is { Success: true } match ? match.Groups["entity"].Value : null;

    [GeneratedRegex(@"^Records\.(?<entity>[A-Za-z][A-Za-z0-9_]{0,49})\.(Create|Assign|Submit|Cancel|(Read|Update|Delete)\.(Own|Subordinates|Department|DepartmentTree|All)|Action\.[A-Za-z][A-Za-z0-9_]{0,49}|Field\.[A-Za-z][A-Za-z0-9_]{0,49}\.(Read|Update))$")]
    private static partial Regex Shape();
}
