using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Grader.Data.EntityConfigurations;

/// <summary>Stores an enum as its <see cref="StoredNames"/> spelling, the text the schema's check constraints allow.</summary>
internal static class StoredNameConversion
{
    /// <summary>For <typeparamref name="T"/> and <typeparamref name="T"/>? properties alike (EF never converts a null).</summary>
    public static PropertyBuilder AsStoredName<T>(this PropertyBuilder property)
        where T : struct, Enum =>
        property.HasConversion(new ValueConverter<T, string>(value => StoredNames.Name(value), text => StoredNames.Parse<T>(text)));
}
