using Grader.IntegrationTests.Infrastructure;
using Npgsql;

namespace Grader.IntegrationTests.Data;

/// <summary>
/// Every index on <c>submissions</c> costs about four entries a submission (the insert and three updates, none of them HOT),
/// so one that a wider index can serve is pure write cost (migration 0030 dropped <c>ix_submissions_course_assignment</c>,
/// a prefix of <c>ix_submissions_window</c>). This checks a freshly migrated database for another such pair.
/// </summary>
public sealed class SubmissionIndexTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task No_index_on_submissions_has_keys_that_lead_another_whole_table_index()
    {
        // Both whole-table (a partial index serves only its predicate's rows) and the shorter one not unique (a constraint
        // cannot move to a wider index); equal keys count too.
        await using var command = database.Db.CreateCommand("""
            select a.indexrelid::regclass::text || ' leads ' || b.indexrelid::regclass::text
            from pg_index a
            join pg_index b on b.indrelid = a.indrelid and b.indexrelid <> a.indexrelid
            where a.indrelid = 'submissions'::regclass and not a.indisunique and a.indpred is null and b.indpred is null
              and a.indnkeyatts <= b.indnkeyatts
              and (a.indkey::int2[])[0:a.indnkeyatts - 1] = (b.indkey::int2[])[0:a.indnkeyatts - 1]
            order by 1
            """);
        var redundant = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                redundant.Add(reader.GetString(0));
            }
        }

        Assert.Empty(redundant);
    }
}
