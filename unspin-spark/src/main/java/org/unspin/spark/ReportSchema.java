package org.unspin.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet form of the report: the JSON line's fields as typed columns, one row per line, in a
 * single pass (the schema is fixed, not inferred, so the lines are not computed twice). Fields a
 * line lacks are null (a document line has no {@code error}, an error line no {@code verdict}).
 */
final class ReportSchema {
  private ReportSchema() {}

  /** A finding: offsets in UTF-16 code units into the record's text. */
  static final StructType FINDING = new StructType()
      .add("start", DataTypes.IntegerType)
      .add("end", DataTypes.IntegerType)
      .add("text", DataTypes.StringType)
      .add("suggestion", DataTypes.StringType)
      .add("confidence", DataTypes.DoubleType)
      .add("rule", DataTypes.StringType);

  /** One report line. */
  static final StructType LINE = new StructType()
      .add("id", DataTypes.StringType)
      .add("uri", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("verdict", DataTypes.StringType)
      .add("spun_probability", DataTypes.DoubleType)
      .add("note", DataTypes.StringType)
      .add("findings", DataTypes.createArrayType(FINDING))
      .add("error", DataTypes.StringType);

  /** The rows of {@code lines} (a dataset of JSON lines in its single column {@code value}). */
  static Dataset<Row> rows(Dataset<String> lines) {
    // FAILFAST: a line that does not parse is a bug in the line writer, not bad input to skip.
    return lines.select(from_json(col("value"), LINE, Map.of("mode", "FAILFAST")).as("r")).select("r.*");
  }
}
