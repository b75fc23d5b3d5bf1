using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.EntityConfigurations;

/// <summary>
/// <c>submissions</c>. Indexes, constraints and the generated <c>effective_submitted_at</c> live in the SQL migrations
/// only: the schema is never created from this model, and <c>SchemaMatchesModelTests</c> checks the two agree.
/// </summary>
internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Answers).HasColumnType("jsonb");
        builder.Property(s => s.Status).AsStoredName<SubmissionStatus>();
        builder.HasOne(s => s.CurrentResult).WithMany().HasForeignKey(s => s.CurrentResultId);
        builder.HasMany(s => s.Results).WithOne().HasForeignKey(r => r.SubmissionId);
    }
}
