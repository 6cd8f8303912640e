namespace SchemaNorm.Decomposer.Migration;

/// <summary>A migration script and the script that undoes it.</summary>
public sealed record MigrationScript(string Forward, string Rollback);

/// <summary>Turns migration plans into scripts for one SQL dialect.</summary>
public interface IMigrationEmitter
{
    string Dialect { get; }
    MigrationScript Emit(IReadOnlyList<MigrationPlan> plans);
}
