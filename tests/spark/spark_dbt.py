"""Build the Confiance dbt project on Apache Spark (dbt-spark, session method, PySpark local mode).

Run as a child process (one JVM per run, nothing left in the test process)::

    python tests/spark/spark_dbt.py --sources DIR --work DIR --out DIR [--select ...]

1. starts a local Spark session (in-memory catalog) whose warehouse lives under ``--work``
   (nothing is downloaded: no ``spark.jars.packages``, Ivy is never used);
2. registers every ``DIR/<table>.parquet`` of ``--sources`` as the (external) table ``pseudo.<table>``;
3. runs ``dbt build --target spark`` in this process (dbt-spark's session method reuses the session);
4. writes every relation of the ``marts`` schema to ``--out/<model>.parquet``.

Exit status: dbt's (0 when everything passed); a line ``SPARK_DBT_FAILED: <reason>`` on failure.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT_DIR = ROOT / "dbt_project"
SOURCE_SCHEMA = "pseudo"
MART_SCHEMA = "marts"


def spark_session(work: Path, cores: int = 2, driver_memory: str = "2g"):
    """A local Spark session with its catalog and warehouse under ``work``."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    warehouse = work / "spark-warehouse"
    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("confiance-dbt")
        .config("spark.driver.memory", driver_memory)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(cores))
        # Small test data: compiling generated code for each of the few hundred stages of a build costs
        # more than running them interpreted.
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.warehouse.dir", str(warehouse))
        # The session's own catalog (no Hive metastore to start): dbt-spark's session method asks for
        # Hive support but reuses this session; tables are managed Parquet under ``warehouse``.
        .config("spark.sql.catalogImplementation", "in-memory")
        .config("spark.sql.legacy.createHiveTableByDefault", "false")
        .getOrCreate()
    )


def register_sources(spark, sources: Path) -> list[str]:
    """Create ``pseudo.<name>`` (an external Parquet table, no copy) for every ``<name>.parquet`` under ``sources``."""
    spark.sql(f"create database if not exists {SOURCE_SCHEMA}")
    names = []
    for path in sorted(sources.glob("*.parquet")):
        name = path.stem
        spark.catalog.createTable(f"{SOURCE_SCHEMA}.{name}", path=str(path.resolve()), source="parquet")
        names.append(name)
    if not names:
        raise SystemExit(f"SPARK_DBT_FAILED: no *.parquet source table under {sources}")
    return names


def run_dbt(args: list[str]) -> bool:
    """``dbt <args> --target spark`` in this process; True when every node passed."""
    from dbt.cli.main import dbtRunner

    result = dbtRunner().invoke(
        [*args, "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR), "--target", "spark"]
    )
    if result.exception is not None:
        print(f"SPARK_DBT_FAILED: dbt raised {type(result.exception).__name__}: {result.exception}")
        return False
    if not result.success:
        passed = ("success", "pass", "skipped")
        failed = [r.node.unique_id for r in (result.result or []) if str(r.status) not in passed]
        print(f"SPARK_DBT_FAILED: {len(failed)} node(s) failed: {', '.join(failed[:20])}")
        return False
    return True


def export_marts(spark, out: Path) -> list[str]:
    """Write every table of the marts schema to ``out/<table>.parquet``."""
    out.mkdir(parents=True, exist_ok=True)
    names = [row.tableName for row in spark.sql(f"show tables in {MART_SCHEMA}").collect() if not row.isTemporary]
    for name in names:
        spark.table(f"{MART_SCHEMA}.{name}").toPandas().to_parquet(out / f"{name}.parquet", index=False)
    return sorted(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, required=True, help="folder of <table>.parquet (pseudo schema)")
    parser.add_argument("--work", type=Path, required=True, help="Spark catalog, warehouse and dbt target")
    parser.add_argument("--out", type=Path, required=True, help="where the marts are written as Parquet")
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("dbt_args", nargs="*", default=["build"], help="dbt command (default: build)")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    os.chdir(args.work)  # anything Spark or dbt writes to the working directory stays here
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ["DBT_TARGET_PATH"] = str(args.work / "dbt-target")
    os.environ["DBT_LOG_PATH"] = str(args.work / "dbt-logs")
    os.environ.setdefault("CONFIANCE_WAREHOUSE_DB", str(args.work / "unused.duckdb"))  # the duckdb target's path
    started = time.perf_counter()
    spark = spark_session(args.work, cores=args.cores)
    spark.sparkContext.setLogLevel("ERROR")
    tables = register_sources(spark, args.sources)
    print(f"spark {spark.version}: sources {', '.join(tables)} in {time.perf_counter() - started:.1f} s")
    ok = run_dbt(args.dbt_args or ["build"])
    print(f"dbt on spark: {'ok' if ok else 'FAILED'} after {time.perf_counter() - started:.1f} s")
    if ok:
        marts = export_marts(spark, args.out)
        print(f"marts exported: {len(marts)}")
    spark.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
