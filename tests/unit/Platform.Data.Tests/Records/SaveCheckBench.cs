using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Configuration;
using Platform.Data.Records;
using Platform.Data.Records.Saving;
using Platform.Data.Sqlite;
using Platform.Records;
using Platform.Rules;

namespace Platform.Data.Tests.Records;

/// <summary>
/// A real SQLite database in memory with the platform's tables and the record tables of a small
/// schema (customers; orders that look a customer up, with a salesperson, an owner and a department;
/// quotes with lines and rules), where one save step at a time is run against a row.
/// </summary>
internal sealed class SaveCheckBench : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public static readonly EntityDefinition Customer = new()
    {
        Name = "customer", Label = new() { ["en"] = "Customer" },
        Fields = [new() { Name = "name", Type = FieldTypes.Text.Name, Label = new() { ["en"] = "Name" }, Required = true }],
    };

    public static readonly EntityDefinition Order = new()
    {
        Name = "order", Label = new() { ["en"] = "Order" },
        Fields =
        [
            new() { Name = "title", Type = FieldTypes.Text.Name, Label = new() { ["en"] = "Title" }, Required = true },
            new() { Name = "total", Type = FieldTypes.Money.Name, Label = new() { ["en"] = "Total" } },
            new() { Name = "status", Type = FieldTypes.Text.Name, Label = new() { ["en"] = "Status" }, Required = true, Default = "'new'" },
            new() { Name = "number", Type = FieldTypes.AutoNumber.Name, Label = new() { ["en"] = "Number" }, Format = "SO-{0000}" },
            new() { Name = "customer", Type = FieldTypes.Lookup.Name, Label = new() { ["en"] = "Customer" }, Target = "customer" },
            new() { Name = "salesperson", Type = FieldTypes.User.Name, Label = new() { ["en"] = "Salesperson" } },
        ],
    };

    /// <summary>A quote with lines: each line's amount is quantity × price, the total sums them less the discount, a script sets the status.</summary>
    public static readonly EntityDefinition Quote = new()
    {
        Name = "quote", Label = new() { ["en"] = "Quote" },
        Fields =
        [
            new() { Name = "title", Type = FieldTypes.Text.Name, Label = new() { ["en"] = "Title" }, Required = true },
            new() { Name = "region", Type = FieldTypes.Text.Name, Label = new() { ["en"] = "Region" }, Default = "'east'" },
            new() { Name = "discount", Type = FieldTypes.Percent.Name, Label = new() { ["en"] = "Discount" }, ReadOnlyWhen = "record.locked === true" },
            new() { Name = "locked", Type = FieldTypes.YesNo.Name, Label = new() { ["en"] = "Locked" } },
            new() { Name = "status", Type = FieldTypes.Text.Name, Label = new() { ["en"] = "Status" } },
            new() { Name = "lines", Type = FieldTypes.Lines.Name, Label = new() { ["en"] = "Lines" }, Target = "quote_line", Required = true },
            new()
            {
                Name = "total", Type = FieldTypes.Computed.Name, Label = new() { ["en"] = "Total" }, ResultType = FieldTypes.Money.Name,
                Formula = "round(sum(record.lines, 'amount') * (1 - (record.discount || 0)), 2)",
            },
        ],
        Rules =
        [
            new() { Name = "bigDiscount", Kind = RuleDefinition.Validation, Field = "discount", When = "record.discount > 0.5", Message = new() { ["en"] = "Too much" } },
            new()
            {
                Name = "review", Kind = RuleDefinition.BeforeSave,
                Script = "if ((record.title || '').includes('forbidden')) { error('Not this title', 'title'); }\nrecord.status = record.total > 1000 ? 'review' : 'ok';",
            },
        ],
    };

    public static readonly EntityDefinition QuoteLine = new()
    {
        Name = "quote_line", Label = new() { ["en"] = "Quote line" },
        Fields =
        [
            new() { Name = "quantity", Type = FieldTypes.DecimalNumber.Name, Label = new() { ["en"] = "Quantity" }, Required = true },
            new() { Name = "price", Type = FieldTypes.Money.Name, Label = new() { ["en"] = "Price" }, Required = true },
            new() { Name = "amount", Type = FieldTypes.Computed.Name, Label = new() { ["en"] = "Amount" }, ResultType = FieldTypes.Money.Name, Formula = "record.quantity * record.price" },
        ],
    };

    private SaveCheckBench()
    {
    }

    public PlatformDbContext Db { get; private set; } = null!;

    public RecordsDbContext Records { get; private set; } = null!;

    /// <summary>Says which message a check chose, with its arguments: "Records.Error.Required".</summary>
    public IStringLocalizer Text { get; } = new KeyText();

    public static async Task<SaveCheckBench> OpenAsync()
    {
        var bench = new SaveCheckBench();
        await bench._connection.OpenAsync();
        bench.Db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite(bench._connection).Options);
        await bench.Db.Database.EnsureCreatedAsync();
        var schema = RecordsSchema.Empty;
        foreach (var entity in new[] { Customer, Order, QuoteLine, Quote })
        {
            StorageKeys.Assign(entity, null, schema, []);
            schema = schema.With(entity);
        }

        var factory = new RecordsDbContextFactory(new DatabaseSettings(new SqliteDatabaseProvider(), "Data Source=:memory:", Path.GetTempPath()));
        bench.Records = factory.Create(bench._connection, schema);
        await bench.Records.Database.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        return bench;
    }

    public EntityDefinition Entity(string name) => Records.Schema.Find(name)!;

    public async Task<string> AddUserAsync(string name, string? department = null)
    {
        if (department is not null && !await Db.Departments.AnyAsync(d => d.Id == department))
        {
            Db.Departments.Add(new Department { Id = department, Name = department });
        }

        var user = new PlatformUser { UserName = name, DisplayName = name, DepartmentId = department };
        Db.Users.Add(user);
        await Db.SaveChangesAsync();
        return user.Id;
    }

    public async Task<Guid> AddCustomerAsync(string name, string owner)
    {
        var id = Guid.NewGuid();
        Records.Set<Dictionary<string, object>>("customer").Add(new Dictionary<string, object>
        {
            [SystemFields.Id] = id, [SystemFields.CreatedAt] = DateTimeOffset.UtcNow, [SystemFields.CreatedBy] = owner,
            [SystemFields.UpdatedAt] = DateTimeOffset.UtcNow, [SystemFields.UpdatedBy] = owner, [SystemFields.RowVersion] = 1,
            [SystemFields.Owner] = owner, ["name"] = name,
        });
        await Records.SaveChangesAsync();
        Records.ChangeTracker.Clear();
        return id;
    }

    /// <summary>A new order row as the record service starts it, owned by <paramref name="actor"/>.</summary>
    public RowSave NewOrder(Actor actor, IReadOnlyDictionary<string, object?> values) =>
        new(Records, Entity("order"), new Dictionary<string, object>
        {
            [SystemFields.Id] = Guid.NewGuid(), [SystemFields.Owner] = actor.UserId, [SystemFields.Department] = actor.DepartmentId!,
        }, null, values, actor);

    /// <summary>A new quote row as the record service starts it, owned by <paramref name="actor"/>.</summary>
    public RowSave NewQuote(Actor actor, IReadOnlyDictionary<string, object?> values) =>
        new(Records, Entity("quote"), NewRow(actor), null, values, actor);

    /// <summary>A row as the record service starts it: an id, stamps, the actor as owner.</summary>
    public static Dictionary<string, object> NewRow(Actor actor)
    {
        var row = RowStamps.New(actor, DateTimeOffset.UtcNow);
        row[SystemFields.Owner] = actor.UserId;
        row[SystemFields.Department] = actor.DepartmentId!;
        return row;
    }

    /// <summary>Writes the rows a save step tracked (new rows included), as the record service does once every step agreed.</summary>
    public async Task WriteAsync()
    {
        await RecordInserter.InsertNewAsync(Records, CancellationToken.None);
        await Records.SaveChangesAsync();
        Records.ChangeTracker.Clear();
    }

    /// <summary>The rule steps as the record service builds them, on this bench's database.</summary>
    public RunRules Rules() =>
        new(Db, Scripts, new RecordValueConverter(Text), new ScriptGuard(Text, NullLogger.Instance), Text);

    public static ScriptHost Scripts { get; } = new(RuleLimits.Default, TimeProvider.System);

    public static Actor Person(string id, string? department, params (RecordAction Action, RecordScope Scope)[] rights) =>
        new(id, id, department, new RecordAccess(false, rights.Select(r => RecordPermissions.Name("order", r.Action, r.Scope)).Append(RecordPermissions.Name("customer", RecordAction.Read, RecordScope.All)).Concat(rights.Select(r => RecordPermissions.Name("quote", r.Action, r.Scope)))));

    public async ValueTask DisposeAsync()
    {
        await Records.DisposeAsync();
        await Db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>A localizer that answers with the key and its arguments, so tests see which message a check chose.</summary>
    internal sealed class KeyText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, arguments.Length == 0 ? name : $"{name}({string.Join(", ", arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)))})");

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
