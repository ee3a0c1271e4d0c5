namespace Platform.Core.Fields.User;

/// <summary>A person who can sign in (a user id), e.g. the sales representative; picked by name, shown by name.</summary>
public sealed class UserFieldType() : FieldType("user", typeof(string))
{
    public override int? DefaultMaxLength => 64;

    public override bool Sized => false;

    public override FilterKind Filter => FilterKind.Key;
}
