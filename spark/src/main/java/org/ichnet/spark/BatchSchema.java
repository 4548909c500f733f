package org.ichnet.spark;

import org.ichnet.api.SliceClass;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The output's columns. A slice row has {@code predict --csv}'s columns ({@code path}, {@code p_CLASS},
 * {@code predicted}, {@code MEMBER_p_CLASS}), probabilities as the API's floats, plus the scan, the model and an
 * {@code error}. A scan row has the decision, top slice and types, and its slices nested (flattened on writing).
 */
final class BatchSchema {
    static final String SLICES = "slices";
    /** Scan columns repeated on each slice row. */
    static final List<String> SCAN_KEYS = List.of("scan_id", "source", "model", "model_version");

    private BatchSchema() {
    }

    static StructType slice(List<String> members) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("slice_index", DataTypes.IntegerType, true));
        fields.add(DataTypes.createStructField("path", DataTypes.StringType, false));
        for (SliceClass c : SliceClass.values()) fields.add(DataTypes.createStructField("p_" + c.name(), DataTypes.FloatType, true));
        fields.add(DataTypes.createStructField("predicted", DataTypes.StringType, true));
        for (String m : members) {
            for (SliceClass c : SliceClass.values()) fields.add(DataTypes.createStructField(m + "_p_" + c.name(), DataTypes.FloatType, true));
        }
        fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    static StructType scan(List<String> members) {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("scan_id", DataTypes.StringType, false),
                DataTypes.createStructField("source", DataTypes.StringType, false),
                DataTypes.createStructField("name", DataTypes.StringType, true),
                DataTypes.createStructField("model", DataTypes.StringType, true),
                DataTypes.createStructField("model_version", DataTypes.StringType, true),
                DataTypes.createStructField("ichnet_version", DataTypes.StringType, false),
                DataTypes.createStructField("slice_count", DataTypes.IntegerType, false),
                DataTypes.createStructField("skipped_files", DataTypes.IntegerType, false),
                DataTypes.createStructField("any_hemorrhage", DataTypes.BooleanType, true),
                DataTypes.createStructField("types", DataTypes.createArrayType(DataTypes.StringType, false), true),
                DataTypes.createStructField("top_slice", DataTypes.StringType, true),
                DataTypes.createStructField("top_slice_index", DataTypes.IntegerType, true),
                DataTypes.createStructField("max_hemorrhage_probability", DataTypes.FloatType, true),
                DataTypes.createStructField("decision", DataTypes.StringType, true),
                DataTypes.createStructField("error", DataTypes.StringType, true),
                DataTypes.createStructField(SLICES, DataTypes.createArrayType(slice(members), false), false)));
    }
}
