import Foundation

/// Where the tests find Spark: `PLAYLOOP_SPARK_HOME` (the Makefile sets it), else
/// Tests/spark/spark.sh installs pyspark into .build/spark-venv when missing and names it.
/// Missing Spark is a failure that says how to install it, never a skip.
public enum SparkHome {
  /// Spark's home folder (`bin/spark-sql` is in it).
  public static func path() throws -> String {
    if let home = ProcessInfo.processInfo.environment["PLAYLOOP_SPARK_HOME"], !home.isEmpty { return home }
    let child = try ChildProcess.run("/bin/bash", [Repository.path("Tests/spark/spark.sh"), "home"], deadline: 1200)
    let home = child.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    guard child.status == 0, !home.isEmpty else {
      throw MissingSpark(
        description: "Spark is missing and Tests/spark/spark.sh could not install it (\(child.stderr.suffix(2000))); "
          + "install it with `make spark` or set PLAYLOOP_SPARK_HOME to a Spark 4 home")
    }
    return home
  }

  /// Spark could not be found or installed.
  public struct MissingSpark: Error, CustomStringConvertible {
    /// What was tried, and how to install Spark.
    public var description: String
  }
}
