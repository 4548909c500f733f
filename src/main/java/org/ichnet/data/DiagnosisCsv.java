package org.ichnet.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CT-ICH's {@code hemorrhage_diagnosis.csv}: one row per slice with the five hemorrhage types
 * and fracture as 0/1. Labels come from the five type columns; {@code No_Hemorrhage} is redundant
 * and not needed. {@code Fracture_Yes_No} is optional (absent means no fracture).
 */
public final class DiagnosisCsv {

    public static final String FILE_NAME = "hemorrhage_diagnosis.csv";

    /** One label row; {@code patient} is spelled as in the file (unpadded, e.g. "49"). */
    public record Row(String patient, int sliceNumber, HemorrhageFlags flags, int line) {
    }

    private static final String[] REQUIRED = {"PatientNumber", "SliceNumber", "Intraventricular",
            "Intraparenchymal", "Subarachnoid", "Epidural", "Subdural"};
    private static final String FRACTURE = "Fracture_Yes_No";

    private DiagnosisCsv() {
    }

    public static List<Row> read(Path csv) {
        CsvTable table = CsvTable.read(csv);
        int[] col = table.columns(REQUIRED);
        int fracture = table.column(FRACTURE);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> lineByKey = new HashMap<>();
        for (CsvTable.Row r : table.rows()) {
            String patient = table.value(r, col[0]);
            if (patient.isEmpty()) {
                throw new DataException(csv, "line " + r.line() + ": empty PatientNumber");
            }
            int slice = table.intValue(r, col[1]);
            HemorrhageFlags flags = new HemorrhageFlags(flag(table, r, col[2]), flag(table, r, col[3]),
                    flag(table, r, col[4]), flag(table, r, col[5]), flag(table, r, col[6]),
                    fracture >= 0 && flag(table, r, fracture));
            Integer earlier = lineByKey.putIfAbsent(patient + "/" + slice, r.line());
            if (earlier != null) {
                throw new DataException(csv, "line " + r.line() + ": patient " + patient + " slice " + slice
                        + " already labelled on line " + earlier);
            }
            rows.add(new Row(patient, slice, flags, r.line()));
        }
        return rows;
    }

    private static boolean flag(CsvTable table, CsvTable.Row row, int column) {
        String v = table.value(row, column);
        return switch (v) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new DataException(table.file(), "line " + row.line() + ": column "
                    + table.header().get(column) + ": expected 0 or 1, got '" + v + "'");
        };
    }
}
