using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Records.Saving;
using Platform.Records;

namespace Platform.Data.Tests.Records;

public sealed class RunAfterSaveTests : SaveCheckTest
{
    private static readonly Actor Clerk = SaveCheckBench.Person("clerk", null, (RecordAction.Create, RecordScope.Own));

    /// <summary>The quote with one after-save script.</summary>
    private EntityDefinition QuoteThat(string script)
    {
        var quote = MetadataJson.Copy(Bench.Entity("quote"));
        quote.Rules = [new RuleDefinition { Name = "follow-up", Kind = RuleDefinition.AfterSave, Script = script }];
        return quote;
    }

    private async Task<List<RecordFieldError>> RunAsync(RunAfterSave step, EntityDefinition entity, Dictionary<string, object> row)
    {
        var run = (await Bench.Rules().ForAsync(Bench.Records, entity, Clerk, CancellationToken.None))!;
        return await step.RunAsync(entity, [row], run, CancellationToken.None);
    }

    private static RunAfterSave Step(IRecordStore store, SaveCheckBench bench) =>
        new(store, SaveCheckBench.Scripts, new ScriptGuard(bench.Text, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance), bench.Text);

    [Fact]
    public async Task What_the_script_creates_and_changes_is_saved_through_the_record_service_as_the_saver()
    {
        var customer = Guid.NewGuid();
        var store = new SavesHeard { Versions = { [customer] = 4 } };
        var row = new Dictionary<string, object>(SaveCheckBench.NewRow(Clerk)) { ["title"] = "Q-7" };

        var errors = await RunAsync(Step(store, Bench), QuoteThat($"create('customer', {{ name: 'Lead ' + record.title }}); update('customer', '{customer}', {{ name: 'Won' }});"), row);

        Assert.Empty(errors);
        Assert.Equal([("create", "customer", null, "Lead Q-7"), ("update", "customer", 4, "Won")], store.Heard.Select(h => (h.Kind, h.Entity, h.Version, (string?)h.Values["name"])));
        Assert.All(store.Heard, h => Assert.Same(Clerk, h.Actor));
    }

    [Fact]
    public async Task A_change_the_record_service_refuses_refuses_the_save_naming_the_rule_and_the_entity()
    {
        var store = new SavesHeard { Refuse = new RecordFieldError("name", "Records.Error.Required") };
        var row = new Dictionary<string, object>(SaveCheckBench.NewRow(Clerk)) { ["title"] = "Q" };

        var errors = await RunAsync(Step(store, Bench), QuoteThat("create('customer', { name: '' });"), row);

        Assert.Equal([new RecordFieldError(null, "Records.Error.AfterSaveRefused(follow-up, customer, name: Records.Error.Required)")], errors);
    }

    [Fact]
    public async Task A_change_to_a_record_that_is_not_there_refuses_the_save()
    {
        var row = new Dictionary<string, object>(SaveCheckBench.NewRow(Clerk)) { ["title"] = "Q" };

        var errors = await RunAsync(Step(new SavesHeard(), Bench), QuoteThat($"update('customer', '{Guid.NewGuid()}', {{ name: 'x' }});"), row);

        Assert.Equal([new RecordFieldError(null, "Records.Error.AfterSaveRefused(follow-up, customer, Records.Error.NotFound)")], errors);
    }

    [Fact]
    public async Task Scripts_whose_saves_run_scripts_again_stop_at_the_depth_limit_and_refuse_the_whole_save()
    {
        var quote = QuoteThat("create('quote', { title: 'again' });");
        var store = new SavesHeard();
        var step = Step(store, Bench);
        var run = (await Bench.Rules().ForAsync(Bench.Records, quote, Clerk, CancellationToken.None))!;
        // Each quote the script creates is saved, which runs its after-save script again, in the same step.
        store.Saved = row => step.RunAsync(quote, [row], run, CancellationToken.None);

        var errors = await step.RunAsync(quote, [new Dictionary<string, object>(SaveCheckBench.NewRow(Clerk)) { ["title"] = "Q" }], run, CancellationToken.None);

        Assert.Equal(RunAfterSave.MaxDepth, store.Heard.Count);
        var error = Assert.Single(errors);
        Assert.Contains($"Records.Error.AfterSaveDepth({RunAfterSave.MaxDepth})", error.Message);
    }

    /// <summary>A record service that hears the saves an after-save step asks for and answers as told; it does nothing else.</summary>
    private sealed class SavesHeard : IRecordStore
    {
        public List<(string Kind, string Entity, int? Version, IReadOnlyDictionary<string, object?> Values, Actor Actor)> Heard { get; } = [];

        public Dictionary<Guid, int> Versions { get; } = [];

        public RecordFieldError? Refuse { get; init; }

        /// <summary>What a saved record runs next (its own after-save scripts).</summary>
        public Func<Dictionary<string, object>, Task<List<RecordFieldError>>>? Saved { get; set; }

        public Task<RecordResult> CreateAsync(string entityName, IReadOnlyDictionary<string, object?> values, Actor actor, CancellationToken cancellationToken = default) =>
            CreateAsync(entityName, values, actor, null, cancellationToken);

        public async Task<RecordResult> CreateAsync(string entityName, IReadOnlyDictionary<string, object?> values, Actor actor, Guid? id, CancellationToken cancellationToken = default)
        {
            Heard.Add(("create", entityName, null, values, actor));
            if (Refuse is { } refusal)
            {
                return new RecordResult(RecordOutcome.Invalid, null, [refusal]);
            }

            if (Saved is not null && await Saved(SaveCheckBench.NewRow(actor)) is { Count: > 0 } refused)
            {
                return new RecordResult(RecordOutcome.Invalid, null, refused);
            }

            return RecordResult.Saved(new Dictionary<string, object?>());
        }

        public Task<IReadOnlyDictionary<string, object?>?> GetAsync(string entityName, Guid id, bool includeDeleted = false, Actor? actor = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Versions.TryGetValue(id, out var version)
                ? (IReadOnlyDictionary<string, object?>?)new Dictionary<string, object?> { [SystemFields.Id] = id, [SystemFields.RowVersion] = version }
                : null);

        public Task<RecordResult> UpdateAsync(string entityName, Guid id, int expectedRowVersion, IReadOnlyDictionary<string, object?> values, Actor actor, CancellationToken cancellationToken = default)
        {
            Heard.Add(("update", entityName, expectedRowVersion, values, actor));
            return Task.FromResult(RecordResult.Saved(new Dictionary<string, object?>()));
        }

        public Task<IReadOnlyList<RecordResult>> CreateManyAsync(string entityName, IReadOnlyList<IReadOnlyDictionary<string, object?>> batch, Actor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<RecordResult> DeleteAsync(string entityName, Guid id, int expectedRowVersion, Actor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<RecordResult> RestoreAsync(string entityName, Guid id, int expectedRowVersion, Actor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<RecordPreview?> PreviewAsync(string entityName, Guid? id, IReadOnlyDictionary<string, object?> values, Actor actor, IReadOnlyCollection<string>? edited = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IRecordReader?> OpenReaderAsync(string entityName, Actor? actor = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<List<AuditEntry>> AuditTrailAsync(string entityName, Guid? recordId = null, Actor? actor = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IRecordTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<RecordHold?> HeldAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<RecordAllowance?> AllowanceAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
