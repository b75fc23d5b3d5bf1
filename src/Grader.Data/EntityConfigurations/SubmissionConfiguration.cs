using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.EntityConfigurations;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Answers).HasColumnType("jsonb");
        builder.Property(s => s.Status).HasConversion(
            status => status.ToString().ToLowerInvariant(),
            text => Enum.Parse<SubmissionStatus>(text, ignoreCase: true));
        builder.HasIndex(s => new { s.Source, s.ExternalId }).IsUnique();
        builder.HasOne(s => s.CurrentResult).WithMany().HasForeignKey(s => s.CurrentResultId);
        builder.HasMany(s => s.Results).WithOne().HasForeignKey(r => r.SubmissionId);
    }
}
