using Platform.Core.Metadata;

namespace Platform.RecordPages.Views;

/// <summary>Checks a view against its entity before it is saved or used: every problem, each as a text key and what it names.</summary>
public static class ViewCheck
{
    public const int MaxLabel = 100;
    public const int MaxConditions = 20;

    public static IReadOnlyList<ViewProblemException> Problems(EntityDefinition entity, ViewDefinition view)
    {
        var problems = new List<ViewProblemException>();
        if (string.IsNullOrWhiteSpace(view.Label) || view.Label.Length > MaxLabel)
        {
            problems.Add(new("RecordPages.Views.Error.Label", MaxLabel));
        }

        foreach (var column in view.Columns.Where(c => entity.LiveField(c) is null || !Listable(entity.LiveField(c)!)))
        {
            problems.Add(new("RecordPages.Views.Error.NoField", column));
        }

        if (view.SortBy is { } sort && (entity.LiveField(sort) is not { } sorted || ViewFilter.OperatorsFor(sorted).Count == 0))
        {
            problems.Add(new("RecordPages.Views.Error.NoField", sort));
        }

        if (view.Conditions.Count > MaxConditions)
        {
            problems.Add(new("RecordPages.Views.Error.TooManyConditions", MaxConditions));
        }

        foreach (var condition in view.Conditions)
        {
            if (condition is null)
            {
                problems.Add(new("RecordPages.Views.Error.EmptyCondition"));
                continue;
            }

            try
            {
                ViewFilter.ToOData(entity, [condition]);
            }
            catch (ViewProblemException problem)
            {
                problems.Add(problem);
            }
        }

        if (view.Layout is not (ViewDefinition.ListLayout or ViewDefinition.KanbanLayout))
        {
            problems.Add(new("RecordPages.Views.Error.Layout", view.Layout));
        }

        if (view.Layout == ViewDefinition.KanbanLayout && (view.GroupBy is null || entity.LiveField(view.GroupBy)?.Type != FieldTypes.Choice.Name))
        {
            problems.Add(new("RecordPages.Views.Error.GroupBy", view.GroupBy ?? ""));
        }

        if (view.ColourBy is { } colour && entity.LiveField(colour)?.Type != FieldTypes.Choice.Name)
        {
            problems.Add(new("RecordPages.Views.Error.ColourBy", colour));
        }

        return problems;
    }

    /// <summary>Fields a list can show as a column: everything but lines.</summary>
    public static bool Listable(FieldDefinition field) => field.Type != FieldTypes.Lines.Name;
}
