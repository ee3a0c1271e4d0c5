using System.Globalization;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.People;

namespace Platform.Printing.Services;

/// <summary>
/// What a template sees of a record, read as the person printing may read it (a field hidden from them is not there, so it prints
/// empty): <c>record.amount</c> a number (for <c>money</c>, <c>rmb_upper</c>, arithmetic), a per cent as 13%, a yes/no as true or false
/// (for <c>if</c>), a date as 2026-03-05, a choice by its
/// label, a lookup by its record's title with that record beside it (<c>record.customer_record.address</c>), a person or department
/// by name, lines as a list of the same (<c>record.items</c>, each with its <c>number</c>); <c>labels</c> the fields' titles in the
/// printing person's language, <c>company</c> the company's profile (<see cref="CompanySettings"/>), <c>user</c>, <c>today</c> and <c>now</c>.
/// </summary>
public sealed class PrintModel(IRecordStore records, IPeopleDirectory people, CompanySettings company, TimeProvider clock)
{
    /// <summary>The model of one record; null when there is no such record or the person may not read it.</summary>
    public async Task<Dictionary<string, object?>?> OfAsync(string entityName, Guid id, Actor actor, CultureInfo culture, CancellationToken cancellationToken)
    {
        await using var reader = await records.OpenReaderAsync(entityName, actor, cancellationToken);
        if (reader is null || reader.Forbidden || await records.GetAsync(entityName, id, actor: actor, cancellationToken: cancellationToken) is not { } record)
        {
            return null;
        }

        var names = new Names(reader, people, culture);
        await names.GatherAsync(reader.Entity, [record], actor.UserId, cancellationToken);
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.Local);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["record"] = names.Model(reader.Entity, record, lines: true),
            ["labels"] = reader.Entity.LiveFields.ToDictionary(f => f.Name, f => (object?)f.Label.For(culture.Name), StringComparer.Ordinal),
            ["entity"] = reader.Entity.Label.For(culture.Name),
            ["company"] = (await company.LoadAsync(cancellationToken)).Values().ToDictionary(v => v.Key, v => (object?)v.Value, StringComparer.Ordinal),
            ["user"] = new Dictionary<string, object?> { ["name"] = names.UserName(actor.UserId) ?? actor.Name, ["id"] = actor.UserId },
            ["today"] = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["now"] = now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The titles of looked-up records and the names of people and departments a record and its lines name, each asked once.</summary>
    private sealed class Names(IRecordReader reader, IPeopleDirectory people, CultureInfo culture)
    {
        private readonly Dictionary<EntityDefinition, Dictionary<Guid, Dictionary<string, object?>>> _looked = [];
        private Dictionary<string, string> _users = [];
        private Dictionary<string, string> _departments = [];

        /// <param name="printedBy">The person printing, whose name the page may show too.</param>
        public async Task GatherAsync(EntityDefinition entity, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, string printedBy, CancellationToken cancellationToken)
        {
            var (lookups, users, departments) = (new Dictionary<EntityDefinition, HashSet<Guid>>(), new HashSet<string> { printedBy }, new HashSet<string>());
            void Collect(EntityDefinition of, IReadOnlyDictionary<string, object?> row)
            {
                foreach (var system in new[] { SystemFields.Owner, SystemFields.CreatedBy, SystemFields.UpdatedBy })
                {
                    if (row.GetValueOrDefault(system) is string person)
                    {
                        users.Add(person);
                    }
                }

                if (row.GetValueOrDefault(SystemFields.Department) is string department)
                {
                    departments.Add(department);
                }

                foreach (var field in of.LiveFields)
                {
                    var value = row.GetValueOrDefault(field.Name);
                    if (field.Kind == FieldTypes.Lookup && value is Guid target && reader.Schema.Find(field.Target!) is { } targetEntity)
                    {
                        (lookups.TryGetValue(targetEntity, out var ids) ? ids : lookups[targetEntity] = []).Add(target);
                    }
                    else if (field.Kind == FieldTypes.User && value is string user)
                    {
                        users.Add(user);
                    }
                    else if (field.Kind == FieldTypes.Department && value is string place)
                    {
                        departments.Add(place);
                    }
                    else if (field.Kind == FieldTypes.Lines && value is IEnumerable<Dictionary<string, object?>> lines && reader.Schema.Find(field.Target!) is { } lineEntity)
                    {
                        foreach (var line in lines)
                        {
                            Collect(lineEntity, line);
                        }
                    }
                }
            }

            foreach (var row in rows)
            {
                Collect(entity, row);
            }

            foreach (var (target, ids) in lookups)
            {
                _looked[target] = await reader.FindManyAsync(target, ids, cancellationToken);
            }

            _users = users.Count == 0 ? [] : await people.UserNamesAsync(users, cancellationToken);
            _departments = departments.Count == 0 ? [] : await people.DepartmentNamesAsync(departments, cancellationToken);
        }

        public string? UserName(string id) => _users.GetValueOrDefault(id);

        /// <summary>A record (or line, or looked-up record) as the template reads it.</summary>
        public Dictionary<string, object?> Model(EntityDefinition entity, IReadOnlyDictionary<string, object?> row, bool lines)
        {
            var model = new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = row.GetValueOrDefault(SystemFields.Id)?.ToString() };
            foreach (var system in new[] { SystemFields.Owner, SystemFields.CreatedBy, SystemFields.UpdatedBy })
            {
                model[system] = row.GetValueOrDefault(system) is string person ? _users.GetValueOrDefault(person, person) : null;
            }

            model[SystemFields.Department] = row.GetValueOrDefault(SystemFields.Department) is string department ? _departments.GetValueOrDefault(department, department) : null;
            foreach (var at in new[] { SystemFields.CreatedAt, SystemFields.UpdatedAt })
            {
                model[at] = row.GetValueOrDefault(at) is DateTimeOffset moment ? moment.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;
            }

            if (row.GetValueOrDefault(SystemFields.LineNumber) is { } number)
            {
                model["number"] = Convert.ToInt64(number, CultureInfo.InvariantCulture);
            }

            foreach (var field in entity.LiveFields)
            {
                if (!row.TryGetValue(field.Name, out var value) || value is null)
                {
                    continue;
                }

                if (field.Kind == FieldTypes.Lines)
                {
                    if (lines && value is IEnumerable<Dictionary<string, object?>> items && reader.Schema.Find(field.Target!) is { } lineEntity)
                    {
                        model[field.Name] = items.Select((line, i) =>
                        {
                            var item = Model(lineEntity, line, lines: false);
                            item.TryAdd("number", (long)(i + 1));
                            return item;
                        }).ToList();
                    }

                    continue;
                }

                if (field.Kind == FieldTypes.Lookup && value is Guid target && reader.Schema.Find(field.Target!) is { } targetEntity)
                {
                    var looked = _looked.GetValueOrDefault(targetEntity)?.GetValueOrDefault(target);
                    model[field.Name] = looked is null ? null : Title(targetEntity, looked);
                    model[field.Name + "_record"] = looked is null ? null : Model(targetEntity, looked, lines: false);
                    continue;
                }

                model[field.Name] = value switch
                {
                    decimal when field.Kind == FieldTypes.Percent => field.Kind.Display(field, value, culture),
                    decimal amount => amount / 1.0000000000000000000000000000m,
                    bool yes => yes,
                    long or int => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                    string person when field.Kind == FieldTypes.User => _users.GetValueOrDefault(person, person),
                    string place when field.Kind == FieldTypes.Department => _departments.GetValueOrDefault(place, place),
                    _ when field.Kind is { HoldsFiles: true } => null,
                    _ => field.Kind?.Display(field, value, culture) ?? value.ToString(),
                };
            }

            return model;
        }

        private string? Title(EntityDefinition entity, Dictionary<string, object?> row) =>
            entity.NamingField() is { } naming && row.GetValueOrDefault(naming.Name) is { } title ? naming.Kind?.Display(naming, title, culture) ?? title.ToString() : null;
    }
}
