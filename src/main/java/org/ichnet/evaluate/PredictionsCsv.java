package org.ichnet.evaluate;

import org.ichnet.data.DataException;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code predictions.csv}: {@code patient,slice,true_class,} then for each model {@code <model>_p_NORMAL,
 * <model>_p_ICH,<model>_p_SDH,<model>_p_EDH,<model>_pred}. "slice" holds the full slice id ("049/12"), classes
 * are written by name, probabilities with {@link Float#toString} so they read back bit-exactly.
 */
public final class PredictionsCsv {
    private static final String PROBABILITY_INFIX = "_p_";
    private static final String PREDICTION_SUFFIX = "_pred";

    private PredictionsCsv() {
    }

    public static void write(Path file, Predictions predictions) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("patient", "slice", "true_class"));
        for (String model : predictions.probabilities().keySet()) {
            for (HemorrhageClass c : HemorrhageClass.values()) {
                header.add(model + PROBABILITY_INFIX + c.name());
            }
            header.add(model + PREDICTION_SUFFIX);
        }
        csv.append(String.join(",", header)).append('\n');
        for (int i = 0; i < predictions.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(CsvCells.quote(predictions.patients().get(i)));
            row.add(CsvCells.quote(predictions.sliceIds().get(i)));
            row.add(HemorrhageClass.ofIndex(predictions.truth()[i]).name());
            for (float[][] p : predictions.probabilities().values()) {
                for (float v : p[i]) {
                    row.add(Float.toString(v));
                }
                row.add(HemorrhageClass.ofIndex(Probabilities.argmax(p[i])).name());
            }
            csv.append(String.join(",", row)).append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    public static Predictions read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "no predictions here (run the step that writes them first: ichnet ensemble / evaluate)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new DataException(file, "empty predictions file");
        }
        List<String> header = CsvCells.split(lines.get(0));
        if (header.size() < 3 || !header.subList(0, 3).equals(List.of("patient", "slice", "true_class"))) {
            throw new DataException(file, "header must start with patient,slice,true_class");
        }
        LinkedHashMap<String, Integer> firstColumn = modelColumns(file, header);
        List<String> patients = new ArrayList<>();
        List<String> slices = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        List<float[]>[] rows = newRowLists(firstColumn.size());
        for (int line = 1; line < lines.size(); line++) {
            if (lines.get(line).isBlank()) {
                continue;
            }
            List<String> cells = CsvCells.split(lines.get(line));
            if (cells.size() != header.size()) {
                throw new DataException(file, "line " + (line + 1) + " has " + cells.size() + " cells, header " + header.size());
            }
            patients.add(cells.get(0));
            slices.add(cells.get(1));
            truth.add(parseClass(file, line, cells.get(2)));
            int m = 0;
            for (int start : firstColumn.values()) {
                rows[m++].add(parseRow(file, line, cells, start));
            }
        }
        LinkedHashMap<String, float[][]> probabilities = new LinkedHashMap<>();
        int m = 0;
        for (String model : firstColumn.keySet()) {
            probabilities.put(model, rows[m++].toArray(float[][]::new));
        }
        return new Predictions(slices, patients, truth.stream().mapToInt(Integer::intValue).toArray(), probabilities);
    }

    private static LinkedHashMap<String, Integer> modelColumns(Path file, List<String> header) {
        LinkedHashMap<String, Integer> firstColumn = new LinkedHashMap<>();
        int block = HemorrhageClass.COUNT + 1;
        if ((header.size() - 3) % block != 0) {
            throw new DataException(file, "expected " + block + " columns per model after true_class");
        }
        for (int start = 3; start < header.size(); start += block) {
            String first = header.get(start);
            String suffix = PROBABILITY_INFIX + HemorrhageClass.NORMAL.name();
            if (!first.endsWith(suffix)) {
                throw new DataException(file, "column " + first + " should end with " + suffix);
            }
            String model = first.substring(0, first.length() - suffix.length());
            for (HemorrhageClass c : HemorrhageClass.values()) {
                String expected = model + PROBABILITY_INFIX + c.name();
                if (!header.get(start + c.ordinal()).equals(expected)) {
                    throw new DataException(file, "expected column " + expected + ", found " + header.get(start + c.ordinal()));
                }
            }
            firstColumn.put(model, start);
        }
        return firstColumn;
    }

    private static float[] parseRow(Path file, int line, List<String> cells, int start) {
        float[] row = new float[HemorrhageClass.COUNT];
        for (int c = 0; c < row.length; c++) {
            try {
                row[c] = Float.parseFloat(cells.get(start + c));
            } catch (NumberFormatException e) {
                throw new DataException(file, "line " + (line + 1) + ": not a probability: " + cells.get(start + c));
            }
        }
        return row;
    }

    private static int parseClass(Path file, int line, String cell) {
        try {
            return HemorrhageClass.valueOf(cell).ordinal();
        } catch (IllegalArgumentException e) {
            throw new DataException(file, "line " + (line + 1) + ": unknown class " + cell);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<float[]>[] newRowLists(int models) {
        List<float[]>[] lists = new List[models];
        for (int m = 0; m < models; m++) {
            lists[m] = new ArrayList<>();
        }
        return lists;
    }
}
