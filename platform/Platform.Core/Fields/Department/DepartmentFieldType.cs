namespace Platform.Core.Fields.Department;

/// <summary>A department of the organisation tree (a department id); picked and shown by name.</summary>
public sealed class DepartmentFieldType() : FieldType("department", typeof(string))
{
    public override int? DefaultMaxLength => 64;

    public override bool Sized => false;

    public override FilterKind Filter => FilterKind.Key;
}
